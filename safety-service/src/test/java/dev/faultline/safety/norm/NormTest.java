package dev.faultline.safety.norm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The norm's arithmetic on known data: hour-of-week buckets, median and band by nearest rank, the deviation rule. */
class NormTest {

    /** A Thursday, 12:34 UTC. */
    private static final Instant NOW = Instant.parse("2026-11-26T12:34:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    @Test
    void shouldNumberTheHoursOfTheWeekFromMondayMidnightUtc() {
        assertThat(HourOfWeek.of(Instant.parse("2026-11-23T00:00:00Z")).index()).isZero();
        assertThat(HourOfWeek.of(NOW).index()).isEqualTo(3 * 24 + 12);
        assertThat(HourOfWeek.of(NOW).label()).isEqualTo("Thu 12:00 UTC");
        assertThat(HourOfWeek.of(Instant.parse("2026-11-29T23:59:59Z")).index()).isEqualTo(167);
        assertThat(new HourOfWeek(0).plus(-1)).isEqualTo(new HourOfWeek(167));
        assertThat(new HourOfWeek(167).plus(1).label()).isEqualTo("Mon 00:00 UTC");
    }

    @Test
    void shouldTakeTheSameHourOfPastWeeksOnlyAndCountTheWeeks() {
        List<Timed> past = new ArrayList<>();
        for (int week = 1; week <= 3; week++) {
            Instant hour = Instant.parse("2026-11-26T12:00:00Z").minus(WEEK.multipliedBy(week));
            past.add(new Timed(hour.plusSeconds(60), week));
            past.add(new Timed(hour.minusSeconds(60), 100 + week));   // Thu 11:59, the hour before
            past.add(new Timed(hour.plusSeconds(3600), 200 + week));  // Thu 13:00, the hour after
        }
        past.add(new Timed(Instant.parse("2026-11-26T12:05:00Z"), 999));   // this week's hour: not a norm
        past.add(new Timed(Instant.parse("2026-11-25T12:05:00Z"), 999));   // yesterday, same hour of the day

        Bucket exact = Bucket.select(NOW, past, 3);

        assertThat(exact.widened()).isFalse();
        assertThat(exact.values()).containsExactlyInAnyOrder(1.0, 2.0, 3.0);
        assertThat(exact.weeks()).isEqualTo(3);
        assertThat(exact.describe()).isEqualTo("Thu 12:00 UTC");
    }

    @Test
    void shouldWidenToTheHoursEitherSideWhenTheHourHasTooFewSamples() {
        Instant lastWeek = Instant.parse("2026-11-19T12:00:00Z");
        List<Timed> past = List.of(new Timed(lastWeek.plusSeconds(60), 1), new Timed(lastWeek.minusSeconds(60), 2),
                new Timed(lastWeek.plusSeconds(3660), 3), new Timed(lastWeek.plusSeconds(7260), 4));

        Bucket widened = Bucket.select(NOW, past, 2);

        assertThat(widened.widened()).isTrue();
        assertThat(widened.values()).containsExactlyInAnyOrder(1.0, 2.0, 3.0);
        assertThat(widened.weeks()).isEqualTo(1);
        assertThat(widened.describe()).isEqualTo("Thu 11:00–Thu 13:59 UTC");
        assertThat(Bucket.select(Instant.parse("2026-11-23T00:10:00Z"), List.of(), 1).describe())
                .isEqualTo("Sun 23:00–Mon 01:59 UTC");
    }

    @Test
    void shouldRankTheMedianAndTheBandByNearestRank() {
        Norm norm = Norm.of(bucket(IntStream.rangeClosed(1, 100).mapToDouble(i -> i).boxed().toList()), 0.1, 0.9);

        assertThat(norm.median()).isEqualTo(50);
        assertThat(norm.low()).isEqualTo(10);
        assertThat(norm.high()).isEqualTo(90);
        assertThat(norm.samples()).isEqualTo(100);
        assertThat(norm.describe(" ms")).isEqualTo("median 50, p10–p90 10–90 ms over 100 samples from 4 weeks at Thu 12:00 UTC");

        Norm three = Norm.of(bucket(List.of(7.0, 3.0, 5.0)), 0.1, 0.9);
        assertThat(List.of(three.low(), three.median(), three.high())).containsExactly(3.0, 5.0, 7.0);
    }

    @Test
    void shouldBlockOnlyBeyondTheBandByMoreThanTheAllowedWidths() {
        Norm norm = Norm.of(bucket(IntStream.rangeClosed(1, 100).mapToDouble(i -> i).boxed().toList()), 0.1, 0.9);
        // band 10–90: one band width (80) of tolerance each side

        assertThat(Deviation.of(170, norm, 1.0, 0.1, false).beyond()).isFalse();
        Deviation above = Deviation.of(171, norm, 1.0, 0.1, false);
        assertThat(above.beyond()).isTrue();
        assertThat(above.limit()).isEqualTo(170);
        assertThat(above.describe(" ms")).isEqualTo("above p90 90 + tolerance 80 = 170 ms");
        assertThat(Deviation.of(-71, norm, 1.0, 0.1, false).describe("")).isEqualTo("below p10 10 − tolerance 80 = -70");
        assertThat(Deviation.of(-71, norm, 1.0, 0.1, true).beyond()).as("a latency is never too low").isFalse();
        assertThat(Deviation.of(131, norm, 0.5, 0.1, false).beyond()).as("half a band width allowed").isTrue();
    }

    @Test
    void shouldKeepAFlatBandFromBlockingOnJitter() {
        Norm flat = Norm.of(bucket(List.of(2.0, 2.0, 2.0, 2.0)), 0.1, 0.9);

        // the band is 2–2: the tolerance is a tenth of the median instead, 0.2
        assertThat(Deviation.of(2.15, flat, 1.0, 0.1, true).beyond()).isFalse();
        assertThat(Deviation.of(2.15, flat, 1.0, 0.1, true).tolerance()).isCloseTo(0.2, within(1e-9));
        assertThat(Deviation.of(2.25, flat, 1.0, 0.1, true).beyond()).isTrue();
    }

    private static Bucket bucket(List<Double> values) {
        return new Bucket(HourOfWeek.of(NOW), false, values, 4);
    }
}
