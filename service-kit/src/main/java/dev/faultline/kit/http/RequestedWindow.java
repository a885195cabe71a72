package dev.faultline.kit.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * When a request asks an experiment to run: {@code at} a time, or in a window ({@code windowStart} and/or
 * {@code windowEnd}), each an ISO-8601 instant with {@code Z} or an offset (seconds optional). Read the same way by
 * hypothesis-service's proposals and safety-service's moves of a window.
 *
 * @param start the earliest start, null when none was asked for
 * @param end   the latest end, null when none was asked for
 */
public record RequestedWindow(Instant start, Instant end) {

    /** @throws IllegalArgumentException naming the field, when both forms are given or a time cannot be read */
    public static RequestedWindow parse(String at, String windowStart, String windowEnd) {
        if (at != null && (windowStart != null || windowEnd != null)) {
            throw new IllegalArgumentException("give either at, or windowStart and/or windowEnd, not both");
        }
        Instant start = at != null ? instant("at", at) : instant("windowStart", windowStart);
        return new RequestedWindow(start, instant("windowEnd", windowEnd));
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " '" + value
                    + "' is not an ISO-8601 time such as 2026-12-07T10:00Z");
        }
    }
}
