package dev.faultline.safety.calendar;

import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.policy.EnvironmentPolicy;
import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.schemas.avro.PreflightCheckKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TIME_WINDOW: the experiment's whole window [start, end) lies within its environment's allowed hours (start and end
 * both allowed; windows are minutes long) and overlaps no freeze for its environment and service.
 */
public final class TimeWindowRule {

    private static final PreflightCheckKind KIND = PreflightCheckKind.TIME_WINDOW;

    private TimeWindowRule() {
    }

    public static CheckResult check(Plan plan, Instant start, Instant end, Optional<EnvironmentPolicy> policy,
                                    List<Freeze> freezes) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("windowStart", start.toString());
        details.put("windowEnd", end.toString());
        if (policy.isEmpty()) {
            return CheckResult.failed(KIND, "environment " + plan.environment() + " has no allowed hours", details);
        }
        details.put("allowedHours", policy.get().allowedHours().toString());
        if (!policy.get().allowedHours().contains(start) || !policy.get().allowedHours().contains(end)) {
            return CheckResult.failed(KIND, "the window " + start + " – " + end + " is outside " + plan.environment()
                    + "'s allowed hours " + policy.get().allowedHours(), details);
        }
        List<Freeze> blocking = freezes.stream()
                .filter(f -> f.blocks(plan.environment(), plan.service(), start, end)).toList();
        if (!blocking.isEmpty()) {
            details.put("freezes", String.valueOf(blocking.size()));
            return CheckResult.failed(KIND, "the window overlaps " + String.join("; ",
                    blocking.stream().map(Freeze::describe).toList()), details);
        }
        return CheckResult.passed(KIND, "within " + plan.environment() + "'s allowed hours "
                + policy.get().allowedHours() + " and no freeze for " + plan.service(), details);
    }
}
