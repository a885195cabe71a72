package dev.faultline.safety.norm;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * An hour of the week in UTC, Monday 00:00 = 0 … Sunday 23:00 = 167: the bucket a norm is kept for, since traffic
 * follows the week (Monday mornings are not Sunday nights). UTC so that a bucket never moves with daylight saving.
 */
public record HourOfWeek(int index) {

    public static final int HOURS = 168;
    static final Duration WEEK = Duration.ofDays(7);

    public HourOfWeek {
        if (index < 0 || index >= HOURS) {
            throw new IllegalArgumentException("an hour of the week is 0..167, was " + index);
        }
    }

    public static HourOfWeek of(Instant at) {
        ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
        return new HourOfWeek((utc.getDayOfWeek().getValue() - 1) * 24 + utc.getHour());
    }

    /** The start of the hour {@code at} falls in. */
    public static Instant startOf(Instant at) {
        return at.truncatedTo(ChronoUnit.HOURS);
    }

    /** How many weeks before the hour starting at {@code hourStart} the sample at {@code at} was taken (1 = last week). */
    static long weeksBefore(Instant at, Instant hourStart) {
        return Math.round((double) Duration.between(at, hourStart).getSeconds() / WEEK.getSeconds());
    }

    public HourOfWeek plus(int hours) {
        return new HourOfWeek(Math.floorMod(index + hours, HOURS));
    }

    /** E.g. {@code Tue 14:00 UTC}. */
    public String label() {
        return clock() + " UTC";
    }

    /** E.g. {@code Tue 14:00}. */
    String clock() {
        return DayOfWeek.of(index / 24 + 1).getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                + String.format(" %02d:00", index % 24);
    }

    @Override
    public String toString() {
        return label();
    }
}
