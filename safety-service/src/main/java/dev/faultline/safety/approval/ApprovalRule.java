package dev.faultline.safety.approval;

import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.policy.EnvironmentPolicy;
import dev.faultline.safety.policy.SafetyPolicy;
import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.schemas.avro.ApprovalDecision;
import dev.faultline.schemas.avro.PreflightCheckKind;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * APPROVAL: low-risk plans in lower environments need none; production or a large blast radius needs an APPROVED
 * decision on this revision by an authorized approver who is not the proposer, and a risk level may ask for more
 * distinct approvers anywhere ({@link ApprovalSettings}: HIGH two). An approval counts until its validUntil; no
 * authorized approver's latest decision on the revision may be a denial (a denial is a veto until that approver
 * changes their mind). A plan whose probes have no history yet where that asks for a sign-off (HISTORICAL_NORM,
 * {@code faultline.safety.norms.approver-without-history}: production) needs at least one approver too: nobody can
 * tell from the numbers whether the target is in its normal state, so a person must.
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

    /**
     * @param settings   how many approvers each risk level needs, and (through the approvals' validUntil) for how long
     * @param now        approvals that lapsed before it no longer count
     * @param historyGap why the plan needs an approver for want of history (e.g. "no history yet for reads at Thu
     *                   12:00 UTC in PRODUCTION"), or null
     */
    public static CheckResult check(Plan plan, String proposer, Optional<EnvironmentPolicy> envPolicy, SafetyPolicy policy,
                                    List<Approval> approvals, ApprovalSettings settings, Instant now, String historyGap) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("proposer", String.valueOf(proposer));
        details.put("authorizedApprovers", String.join(",", policy.approverList()));
        details.put("riskLevel", plan.riskLevel().name());
        String byEnvironment = envPolicy.isPresent() ? envPolicy.get().approvalReason(plan.trafficShare())
                : "environment " + plan.environment() + " has no policy";
        int byRisk = settings.requiredFor(plan.riskLevel());
        int needed = Math.max(byEnvironment == null && historyGap == null ? 0 : 1, byRisk);
        if (needed == 0) {
            return CheckResult.notRequired(KIND, plan.riskLevel() + "-risk plan in " + plan.environment()
                    + " (traffic share " + plan.trafficShare() + "): no approval needed", details);
        }
        String required = Stream.of(byEnvironment, historyGap, byRisk == 0 ? null
                : plan.riskLevel() + " risk needs " + byRisk + " distinct approver" + (byRisk == 1 ? "" : "s"))
                .filter(Objects::nonNull)
                .collect(Collectors.joining("; "));
        details.put("requiredBecause", required);
        details.put("approversNeeded", Integer.toString(needed));
        Map<String, Approval> latest = approvals.stream()
                .filter(a -> a.revision() == plan.revision())
                .filter(a -> refusal(a.approver(), proposer, policy).isEmpty())
                .collect(Collectors.toMap(Approval::approver, Function.identity(),
                        (a, b) -> a.recordedAt().isAfter(b.recordedAt()) ? a : b));
        List<String> denied = names(latest, a -> a.decision() == ApprovalDecision.DENIED);
        List<String> approved = names(latest, a -> a.decision() == ApprovalDecision.APPROVED && !a.expiredAt(now));
        List<String> expired = latest.values().stream().filter(a -> a.expiredAt(now))
                .sorted(Comparator.comparing(Approval::approver))
                .map(a -> a.approver() + "'s approval expired at " + a.validUntil()).toList();
        if (!denied.isEmpty()) {
            details.put("deniedBy", String.join(",", denied));
            return CheckResult.failed(KIND, "revision " + plan.revision() + " was denied by " + String.join(", ", denied)
                    + " (" + required + ")", details);
        }
        details.put("approvedBy", String.join(",", approved));
        if (!expired.isEmpty()) {
            details.put("expired", String.join("; ", expired));
        }
        if (approved.size() < needed) {
            return CheckResult.failed(KIND, required + ": revision " + plan.revision() + " needs " + (needed == 1
                    ? "an approval by one of " : "approvals by " + needed + " distinct approvers of ")
                    + String.join(", ", policy.approverList()) + " who are not the proposer; "
                    + (approved.isEmpty() ? "it has none" : "approved by " + String.join(", ", approved) + " ("
                    + approved.size() + " of " + needed + ")")
                    + (expired.isEmpty() ? "" : "; " + String.join("; ", expired) + " and must be given again"), details);
        }
        return CheckResult.passed(KIND, "revision " + plan.revision() + " approved by " + String.join(", ", approved)
                + " (" + required + ")", details);
    }

    private static List<String> names(Map<String, Approval> latest, Predicate<Approval> which) {
        return latest.values().stream().filter(which)
                .sorted(Comparator.comparing(Approval::approver)).map(Approval::approver).toList();
    }
}
