package dev.faultline.safety.policy;

import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.schemas.avro.PreflightCheckKind;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * BLAST_BUDGET: the traffic shares of the experiments injecting in the plan's environment now, plus this plan's, stay
 * within the environment's {@code blast-budget}. NO_CONCURRENT_EXPERIMENT keeps a second experiment off a service
 * that is already under a fault (its evidence would mix with the other's); this check bounds what the environment as a
 * whole suffers from experiments on different services at once.
 */
public final class BlastBudgetRule {

    private static final PreflightCheckKind KIND = PreflightCheckKind.BLAST_BUDGET;

    /** An experiment injecting now: its id, the service under test and the traffic share its plan touches. */
    public record Running(String experimentId, String service, double trafficShare) {
    }

    private BlastBudgetRule() {
    }

    /** @param others the other experiments injecting in the plan's environment now, in any order */
    public static CheckResult check(Plan plan, Optional<EnvironmentPolicy> policy, List<Running> others) {
        List<Running> running = others.stream().sorted(Comparator.comparing(Running::experimentId)).toList();
        double used = running.stream().mapToDouble(Running::trafficShare).sum();
        double total = used + plan.trafficShare();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("environment", String.valueOf(plan.environment()));
        details.put("trafficShare", Double.toString(plan.trafficShare()));
        details.put("running", String.join(",", running.stream().map(BlastBudgetRule::describe).toList()));
        details.put("total", format(total));
        Double budget = policy.map(EnvironmentPolicy::blastBudget).orElse(null);
        if (budget == null) {
            return CheckResult.notRequired(KIND, plan.environment() + " has no blast budget", details);
        }
        details.put("blastBudget", format(budget));
        String sum = running.isEmpty() ? "no other experiment is injecting in " + plan.environment() + "; this plan's "
                + format(plan.trafficShare())
                : "running " + String.join(", ", running.stream().map(BlastBudgetRule::describe).toList())
                + " + this plan's " + format(plan.trafficShare()) + " = " + format(total);
        // rounding noise in a sum of shares must not block a plan that exactly fills the budget
        if (total > budget + 1e-9) {
            return CheckResult.failed(KIND, sum + " exceeds " + plan.environment() + "'s blast budget of " + format(budget)
                    + " (traffic share summed over the experiments injecting at once)", details);
        }
        return CheckResult.passed(KIND, sum + " is within " + plan.environment() + "'s blast budget of "
                + format(budget), details);
    }

    private static String describe(Running r) {
        return r.experimentId() + " on " + r.service() + " (" + format(r.trafficShare()) + ")";
    }

    private static String format(double share) {
        return String.format(Locale.ROOT, "%.2f", share);
    }
}
