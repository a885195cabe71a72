package dev.faultline.hypothesis.reverify;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** A daily window in UTC, {@code from} to {@code to} (past midnight when {@code to} is earlier). Pure arithmetic. */
public record DailySlot(LocalTime from, LocalTime to) {

    /** One day's occurrence of the window. */
    public record Occurrence(Instant start, Instant end) {
    }

    /** The next occurrence that starts after {@code now}. */
    public Occurrence next(Instant now) {
        ZonedDateTime today = now.atZone(ZoneOffset.UTC).toLocalDate().atTime(from).atZone(ZoneOffset.UTC);
        ZonedDateTime start = today.toInstant().isAfter(now) ? today : today.plusDays(1);
        ZonedDateTime end = start.toLocalDate().atTime(to).atZone(ZoneOffset.UTC);
        if (!end.isAfter(start)) {
            end = end.plusDays(1);
        }
        return new Occurrence(start.toInstant(), end.toInstant());
    }
}
