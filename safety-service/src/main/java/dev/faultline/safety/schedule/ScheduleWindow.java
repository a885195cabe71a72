package dev.faultline.safety.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * When a deferred experiment may run: its preflight runs at {@code start} (not before), and the run must end by
 * {@code end}, so the last moment it can start is {@code end − duration − slack} (the slack is the preflight's time
 * to stop a fault). Pure time arithmetic.
 */
public record ScheduleWindow(Instant start, Instant end) {

    /** The time a run needs beyond its duration to stop its fault; the preflight's window has the same slack. */
    public static final Duration SLACK = Duration.ofMinutes(1);

    public ScheduleWindow {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("a window ends after it starts, was " + start + " – " + end);
        }
    }

    /**
     * The window a proposal (or a move) asks for: from {@code start} (now when null) to {@code end}; with no end, the
     * run may start up to {@code grace} after the start.
     */
    public static ScheduleWindow requested(Instant start, Instant end, long durationMillis, Duration grace, Instant now) {
        Instant from = start != null ? start : now;
        Instant to = end != null ? end : from.plus(grace).plusMillis(durationMillis).plus(SLACK);
        return new ScheduleWindow(from, to);
    }

    /** The last instant a run of {@code durationMillis} can start and still end (and be stopped) within the window. */
    public Instant latestStart(long durationMillis) {
        return end.minusMillis(durationMillis).minus(SLACK);
    }

    /** Whether a run of {@code durationMillis} fits in the window at all. */
    public boolean fits(long durationMillis) {
        return !latestStart(durationMillis).isBefore(start);
    }

    /** Whether the preflight is due: the window has started. */
    public boolean started(Instant now) {
        return !now.isBefore(start);
    }

    /** Whether a run of {@code durationMillis} can no longer start in time. */
    public boolean ended(Instant now, long durationMillis) {
        return now.isAfter(latestStart(durationMillis));
    }

    @Override
    public String toString() {
        return start + " – " + end;
    }
}
