package dev.faultline.safety.policy;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Allowed hours of a day in UTC, {@code from} inclusive to {@code to} exclusive, in minutes of the day
 * ({@code 24:00} = 1440). A window whose end is before its start wraps midnight (e.g. 22:00–06:00).
 */
public record DailyWindow(int fromMinute, int toMinute) {

    public static final DailyWindow ALL_DAY = new DailyWindow(0, 1440);

    public DailyWindow {
        if (fromMinute < 0 || fromMinute > 1440 || toMinute < 0 || toMinute > 1440) {
            throw new IllegalArgumentException("allowed hours must be within 00:00..24:00");
        }
    }

    /** Parses {@code "HH:mm"} pairs such as {@code "09:00"} and {@code "24:00"}. */
    public static DailyWindow parse(String from, String to) {
        return new DailyWindow(minutes(from), minutes(to));
    }

    public boolean contains(Instant at) {
        int minute = at.atZone(ZoneOffset.UTC).getHour() * 60 + at.atZone(ZoneOffset.UTC).getMinute();
        if (fromMinute == toMinute) {
            return false; // an empty window: no hour is allowed
        }
        return fromMinute < toMinute ? minute >= fromMinute && minute < toMinute
                : minute >= fromMinute || minute < toMinute;
    }

    @Override
    public String toString() {
        return format(fromMinute) + "–" + format(toMinute) + " UTC";
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
