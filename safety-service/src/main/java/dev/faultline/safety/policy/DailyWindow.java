package dev.faultline.safety.policy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * Allowed hours on the allowed days of the week in one time zone, {@code from} inclusive to {@code to} exclusive, in
 * minutes of the day ({@code 24:00} = 1440). A window whose end is before its start wraps midnight (e.g. 22:00–06:00);
 * its hours after midnight belong to the day it started on, so {@code MON-FRI 22:00–06:00} allows Saturday 05:00.
 */
public record DailyWindow(Set<DayOfWeek> days, int fromMinute, int toMinute, ZoneId zone) {

    public static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);
    public static final DailyWindow ALL_DAY = new DailyWindow(EVERY_DAY, 0, 1440, ZoneOffset.UTC);

    public DailyWindow {
        days = Set.copyOf(days);
        zone = zone.normalized(); // "UTC" and Z are one zone
        if (fromMinute < 0 || fromMinute > 1440 || toMinute < 0 || toMinute > 1440) {
            throw new IllegalArgumentException("allowed hours must be within 00:00..24:00");
        }
    }

    /** Every day, UTC, between {@code "HH:mm"} times such as {@code "09:00"} and {@code "24:00"}. */
    public static DailyWindow parse(String from, String to) {
        return new DailyWindow(EVERY_DAY, minutes(from), minutes(to), ZoneOffset.UTC);
    }

    /** On {@code days} (see {@link Weekdays#parse}), between two {@code HH:mm} times, in {@code zone}. */
    public static DailyWindow parse(String days, String from, String to, ZoneId zone) {
        return new DailyWindow(Weekdays.parse(days), minutes(from), minutes(to), zone);
    }

    public boolean contains(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        int minute = local.getHour() * 60 + local.getMinute();
        DayOfWeek day = local.getDayOfWeek();
        if (fromMinute == toMinute) {
            return false; // an empty window: no hour is allowed
        }
        if (fromMinute < toMinute) {
            return days.contains(day) && minute >= fromMinute && minute < toMinute;
        }
        return minute >= fromMinute && days.contains(day) || minute < toMinute && days.contains(day.minus(1));
    }

    @Override
    public String toString() {
        String hours = format(fromMinute) + "–" + format(toMinute) + " "
                + (zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId());
        return days.equals(EVERY_DAY) ? hours : Weekdays.format(days) + " " + hours;
    }

    private static int minutes(String hhmm) {
        String[] parts = hhmm.trim().split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + hhmm + "' is not HH:mm");
        }
        return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
    }

    private static String format(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}
