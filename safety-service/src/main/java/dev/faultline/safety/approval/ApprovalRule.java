package dev.faultline.safety.approval;

import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.policy.EnvironmentPolicy;
import dev.faultline.safety.policy.SafetyPolicy;
import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.schemas.avro.ApprovalDecision;
import dev.faultline.schemas.avro.PreflightCheckKind;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * APPROVAL: low-risk plans in lower environments need none; production or a large blast radius needs an APPROVED
 * decision on this revision by an authorized approver who is not the proposer, and no authorized approver's latest
 * decision on it may be a denial (a denial is a veto until that approver changes their mind).
 */
public final class ApprovalRule {

    private static final PreflightCheckKind KIND = PreflightCheckKind.APPROVAL;

    private ApprovalRule() {
    }

    /** Why {@code approver} may not decide on a plan proposed by {@code proposer}, or empty when they may. */
    public static Optional<String> refusal(String approver, String proposer, SafetyPolicy policy) {
        if (approver.equals(proposer)) {
            return Optional.of(approver + " proposed this experiment: the approver must not be the proposer");
        }
        if (!policy.isApprover(approver)) {
            return Optional.of(approver + " is not an authorized approver (authorized: "
                    + String.join(", ", policy.approverList()) + ")");
        }
        return Optional.empty();
    }

    public static CheckResult check(Plan plan, String proposer, Optional<EnvironmentPolicy> envPolicy, SafetyPolicy policy,
                                    List<Approval> approvals) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("proposer", String.valueOf(proposer));
        details.put("authorizedApprovers", String.join(",", policy.approverList()));
        String required = envPolicy.isPresent() ? envPolicy.get().approvalReason(plan.trafficShare())
                : "environment " + plan.environment() + " has no policy";
        if (required == null) {
            return CheckResult.notRequired(KIND, "low-risk plan in " + plan.environment() + " (traffic share "
                    + plan.trafficShare() + "): no approval needed", details);
        }
        details.put("requiredBecause", required);
        Map<String, Approval> latest = approvals.stream()
                .filter(a -> a.revision() == plan.revision())
                .filter(a -> refusal(a.approver(), proposer, policy).isEmpty())
                .collect(Collectors.toMap(Approval::approver, Function.identity(),
                        (a, b) -> a.recordedAt().isAfter(b.recordedAt()) ? a : b));
        List<String> denied = names(latest, ApprovalDecision.DENIED);
        List<String> approved = names(latest, ApprovalDecision.APPROVED);
        if (!denied.isEmpty()) {
            details.put("deniedBy", String.join(",", denied));
            return CheckResult.failed(KIND, "revision " + plan.revision() + " was denied by " + String.join(", ", denied)
                    + " (" + required + ")", details);
        }
        if (approved.isEmpty()) {
            return CheckResult.failed(KIND, required + ": revision " + plan.revision() + " needs an approval by one of "
                    + String.join(", ", policy.approverList()) + " who is not the proposer", details);
        }
        details.put("approvedBy", String.join(",", approved));
        return CheckResult.passed(KIND, "revision " + plan.revision() + " approved by " + String.join(", ", approved)
                + " (" + required + ")", details);
    }

    private static List<String> names(Map<String, Approval> latest, ApprovalDecision decision) {
        return latest.values().stream().filter(a -> a.decision() == decision)
                .sorted(Comparator.comparing(Approval::approver)).map(Approval::approver).toList();
    }
}
