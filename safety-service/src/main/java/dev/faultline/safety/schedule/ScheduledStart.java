package dev.faultline.safety.schedule;

import dev.faultline.schemas.avro.Environment;

/**
 * A deferred experiment as its latest deferred ExperimentScheduled put it: which revision runs in which window, and
 * whether it is settled — cleared by a passing preflight, or blocked because its window ended.
 */
public record ScheduledStart(String experimentId, int revision, Environment environment, ScheduleWindow window,
                             boolean settled) {
}
