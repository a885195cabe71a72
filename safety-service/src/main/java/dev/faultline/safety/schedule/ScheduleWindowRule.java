package dev.faultline.safety.schedule;

import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.schemas.avro.PreflightCheckKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SCHEDULE_WINDOW, a deferred experiment's own check: a run starting {@code now} lies within the window it was
 * scheduled for — not before its start, and early enough to end (and be stopped) by its end; a window too short for
 * the run fails at once.
 */
public final class ScheduleWindowRule {

    private static final PreflightCheckKind KIND = PreflightCheckKind.SCHEDULE_WINDOW;

    private ScheduleWindowRule() {
    }

    public static CheckResult check(ScheduleWindow window, long durationMillis, Instant now) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("scheduledStart", window.start().toString());
        details.put("scheduledEnd", window.end().toString());
        details.put("latestStart", window.latestStart(durationMillis).toString());
        if (!window.fits(durationMillis)) {
            return CheckResult.failed(KIND, "the window " + window + " cannot hold a run of " + durationMillis / 1000
                    + " s plus " + ScheduleWindow.SLACK.toSeconds() + " s to stop it: move it to a window that ends"
                    + " at least that long after its start", details);
        }
        if (!window.started(now)) {
            return CheckResult.failed(KIND, "the scheduled window " + window + " has not started", details);
        }
        if (window.ended(now, durationMillis)) {
            return CheckResult.failed(KIND, "the window " + window + " ended without a passing preflight: a run of "
                    + durationMillis / 1000 + " s had to start by " + window.latestStart(durationMillis), details);
        }
        return CheckResult.passed(KIND, "starts within the scheduled window " + window + " (latest start "
                + window.latestStart(durationMillis) + ")", details);
    }
}
