package dev.faultline.safety.preflight;

import dev.faultline.safety.plan.Plan;
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
}
