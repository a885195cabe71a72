package dev.faultline.safety.policy;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Days of the week written as a setting: {@code MON-FRI}, {@code MON,WED,FRI}, {@code SAT-SUN}, {@code MON-SUN}. */
public final class Weekdays {

    private Weekdays() {
    }

    /** Comma-separated days or ranges of three-letter (or full) English day names; a range may wrap (FRI-MON). */
    public static Set<DayOfWeek> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no days given; write e.g. MON-FRI or MON,WED,FRI");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.split(",")) {
            String[] range = part.trim().split("-");
            if (range.length == 1) {
                days.add(day(range[0]));
            } else if (range.length == 2) {
                DayOfWeek from = day(range[0]);
                DayOfWeek to = day(range[1]);
                for (DayOfWeek d = from; ; d = d.plus(1)) {
                    days.add(d);
                    if (d == to) {
                        break;
                    }
                }
            } else {
                throw new IllegalArgumentException("'" + part.trim() + "' is not a day or a range such as MON-FRI");
            }
        }
        return days;
    }

    /** The days as ranges in week order, e.g. {@code MON-FRI} or {@code MON,WED-THU}. */
    public static String format(Set<DayOfWeek> days) {
        List<String> parts = new ArrayList<>();
        DayOfWeek[] week = DayOfWeek.values();
        for (int i = 0; i < week.length; i++) {
            if (!days.contains(week[i])) {
                continue;
            }
            int j = i;
            while (j + 1 < week.length && days.contains(week[j + 1])) {
                j++;
            }
            parts.add(j == i ? abbreviation(week[i]) : abbreviation(week[i]) + "-" + abbreviation(week[j]));
            i = j;
        }
        return String.join(",", parts);
    }

    private static DayOfWeek day(String name) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(upper) || abbreviation(day).equals(upper)) {
                return day;
            }
        }
        throw new IllegalArgumentException("'" + name.trim() + "' is not a day of the week (MON, TUE, WED, THU, FRI,"
                + " SAT, SUN)");
    }

    private static String abbreviation(DayOfWeek day) {
        return day.name().substring(0, 3);
    }
}
