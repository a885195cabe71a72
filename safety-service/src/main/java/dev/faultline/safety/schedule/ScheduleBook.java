package dev.faultline.safety.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the deferred experiments, one row each, written only from events (deferred ExperimentScheduled opens or
 * moves it; a passing preflight of its revision, or the block that says its window ended, settles it), so that the
 * table is rebuilt from faultline.safety and scheduled starts survive a restart.
 */
public interface ScheduleBook {

    /**
     * Opens or moves the schedule of an experiment, as an event of time {@code at} says: the latest event wins, in
     * whatever order the events are read (a replay of an older one changes nothing).
     */
    void scheduled(ScheduledStart start, Instant at);

    /**
     * Settles the schedule of {@code experimentId} if it is for {@code revision}, as an event of time {@code at}
     * says: only a deferred ExperimentScheduled later than {@code at} opens it again.
     */
    void settled(String experimentId, int revision, Instant at);

    Optional<ScheduledStart> find(String experimentId);

    /** Every schedule not settled yet. */
    List<ScheduledStart> open();

    /**
     * Claims one attempt at the preflight of a window, across every instance sharing the store: true for the first
     * caller of an (experiment, window start, attempt) only, so that several safety-service instances never run the
     * same attempt twice.
     */
    boolean claim(String experimentId, Instant windowStart, long attempt);
}
