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

    /** Opens or moves the schedule of an experiment (upsert: the window of the latest event wins). */
    void scheduled(ScheduledStart start);

    /** Settles the schedule of {@code experimentId} if it is for {@code revision}. */
    void settled(String experimentId, int revision);

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
