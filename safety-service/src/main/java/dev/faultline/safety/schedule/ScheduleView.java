package dev.faultline.safety.schedule;

import dev.faultline.safety.preflight.PreflightRecord;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A deferred experiment as the schedule API shows it: its window, the latest start that still fits the run, and where
 * it stands — WAITING for the start, RETRYING (started, last preflight blocked), CLEARED or ENDED.
 */
@Serdeable
public record ScheduleView(String experimentId, int revision, String environment, Instant windowStart,
                           Instant windowEnd, @Nullable Instant latestStart, String state,
                           @Nullable String lastPreflight) {

    static ScheduleView of(ScheduledStart s, Long durationMillis, PreflightRecord last, Instant now) {
        boolean inWindow = last != null && !last.checkedAt().isBefore(s.window().start());
        String state;
        if (s.settled()) {
            state = inWindow && last.passed() ? "CLEARED" : "ENDED";
        } else {
            state = s.window().started(now) ? "RETRYING" : "WAITING";
        }
        return new ScheduleView(s.experimentId(), s.revision(), s.environment().name(), s.window().start(),
                s.window().end(), durationMillis == null ? null : s.window().latestStart(durationMillis), state,
                inWindow ? last.summary() : null);
    }
}
