package dev.faultline.safety.policy;

import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.schemas.avro.PreflightCheckKind;
import java.util.Map;
import java.util.Optional;

/** BLAST_RADIUS_POLICY: the plan's environment has a policy and its traffic share stays within that policy's bound. */
public final class BlastRadiusRule {

    private static final PreflightCheckKind KIND = PreflightCheckKind.BLAST_RADIUS_POLICY;

    private BlastRadiusRule() {
    }

    public static CheckResult check(Plan plan, Optional<EnvironmentPolicy> policy) {
        String share = Double.toString(plan.trafficShare());
        if (policy.isEmpty()) {
            return CheckResult.failed(KIND, "environment " + plan.environment() + " has no safety policy: experiments"
                    + " cannot run there", Map.of("environment", String.valueOf(plan.environment()), "trafficShare", share));
        }
        Map<String, String> details = Map.of("environment", plan.environment().name(), "trafficShare", share,
                "maxTrafficShare", Double.toString(policy.get().maxTrafficShare()));
        if (plan.trafficShare() <= 0 || plan.trafficShare() > 1) {
            return CheckResult.failed(KIND, "traffic share " + share + " is not within (0, 1]", details);
        }
        if (plan.trafficShare() > policy.get().maxTrafficShare()) {
            return CheckResult.failed(KIND, "traffic share " + share + " exceeds " + plan.environment() + "'s maximum of "
                    + policy.get().maxTrafficShare(), details);
        }
        return CheckResult.passed(KIND, "traffic share " + share + " is within " + plan.environment() + "'s maximum of "
                + policy.get().maxTrafficShare(), details);
    }
}
