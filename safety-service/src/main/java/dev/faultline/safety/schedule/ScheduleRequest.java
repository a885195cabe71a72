package dev.faultline.safety.schedule;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of {@code POST /experiments/{id}/schedule}: either {@code at} (a start; the run may start up to the start
 * grace after it) or {@code windowStart} and/or {@code windowEnd}, as ISO-8601 instants; {@code reason} in words.
 */
@Serdeable
public record ScheduleRequest(@Nullable String at, @Nullable String windowStart, @Nullable String windowEnd,
                              @Nullable String reason) {
}
