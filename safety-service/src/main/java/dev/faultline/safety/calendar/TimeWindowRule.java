package dev.faultline.safety.calendar;

import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.policy.EnvironmentPolicy;
import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.schemas.avro.PreflightCheckKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * TIME_WINDOW: the experiment's whole window [start, end) lies within its environment's allowed days and hours (start
 * and end both allowed; windows are minutes long). Freezes and deployments are DEPLOYMENT_CALENDAR's.
 */
public final class TimeWindowRule {

    private static final PreflightCheckKind KIND = PreflightCheckKind.TIME_WINDOW;

    private TimeWindowRule() {
    }

    public static CheckResult check(Plan plan, Instant start, Instant end, Optional<EnvironmentPolicy> policy) {
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
        return CheckResult.passed(KIND, "within " + plan.environment() + "'s allowed hours "
                + policy.get().allowedHours(), details);
    }
}
