package dev.faultline.safety.norm;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The past values a norm is made of: those taken in the same hour of the week as now, in the weeks before this one
 * (this week's hour is left out: a norm that learns the last minutes would follow the trouble it should reveal). When
 * that hour holds fewer than {@code minSamples}, the hours either side of it are taken as well ({@link #widened()}):
 * Tuesday 13:00–15:59 for Tuesday 14:00.
 *
 * @param weeks how many distinct past weeks the values come from
 */
public record Bucket(HourOfWeek hour, boolean widened, List<Double> values, int weeks) {

    public Bucket {
        values = List.copyOf(values);
    }

    /**
     * @param past the probe's values from the hour before to the hour after this one, in past weeks (more is
     *             ignored)
     */
    public static Bucket select(Instant now, List<Timed> past, int minSamples) {
        Bucket exact = of(now, past, false);
        return exact.values().size() >= minSamples ? exact : of(now, past, true);
    }

    /** The values of {@code past} in this hour of past weeks ({@code widened}: and the hours either side). */
    public static Bucket of(Instant now, List<Timed> past, boolean widened) {
        HourOfWeek hour = HourOfWeek.of(now);
        Instant thisHour = HourOfWeek.startOf(now);
        Set<HourOfWeek> hours = widened ? Set.of(hour.plus(-1), hour, hour.plus(1)) : Set.of(hour);
        List<Timed> values = past.stream().filter(t -> t.at().isBefore(thisHour)
                && HourOfWeek.weeksBefore(t.at(), thisHour) >= 1 && hours.contains(HourOfWeek.of(t.at()))).toList();
        int weeks = (int) values.stream().mapToLong(t -> HourOfWeek.weeksBefore(t.at(), thisHour)).distinct().count();
        return new Bucket(hour, widened, values.stream().map(Timed::value).toList(), weeks);
    }

    /** {@code Tue 14:00 UTC}, or {@code Tue 13:00–Tue 15:59 UTC} when widened. */
    public String describe() {
        return widened ? hour.plus(-1).clock() + "–" + hour.plus(1).clock().replace(":00", ":59") + " UTC"
                : hour.label();
    }
}
