package dev.faultline.safety.preflight;

import dev.faultline.safety.calendar.OnCallRule;
import dev.faultline.safety.plan.Plan;
import dev.faultline.schemas.avro.PreflightCheckKind;
import java.time.Instant;
import java.util.List;

/** The result of running every preflight check on one revision: all checks, the window asked for, and a summary. */
public record PreflightOutcome(Plan plan, List<CheckResult> checks, Instant windowStart, Instant windowEnd, String summary) {

    public PreflightOutcome {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return checks.stream().noneMatch(CheckResult::isFailed);
    }

    /** Who is on call for the service when the window starts, as the ON_CALL check found, or null. */
    public String onCall() {
        return checks.stream().filter(c -> c.kind() == PreflightCheckKind.ON_CALL).findFirst()
                .map(c -> c.details().get(OnCallRule.ON_CALL)).orElse(null);
    }
}
