package dev.faultline.schemas.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.schemas.avro.Statistic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Every statistic on known samples, and the edge cases: empty window, one sample, ties, missing parameters. */
class MeasureTest {

    /** 100 samples with latencies 100..1 ms; every tenth failed with 503 and Retry-After, the others 200. */
    static List<SampleView> hundred() {
        List<SampleView> samples = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            boolean failed = i % 10 == 0;
            samples.add(new SampleView(101 - i, failed ? 503 : 200, !failed,
                    failed ? List.of("retry-after: 5") : List.of("Content-Type")));
        }
        return samples;
    }

    private static OptionalDouble over(Statistic statistic, List<SampleView> samples) {
        return new Measure(statistic, 503, "Retry-After").over(samples, 20_000L);
    }

    @Test
    void shouldComputeNearestRankPercentilesOverAllSamplesIncludingFailedOnes() {
        assertThat(over(Statistic.P50_LATENCY, hundred())).hasValue(50);
        assertThat(over(Statistic.P95_LATENCY, hundred())).hasValue(95);
        assertThat(over(Statistic.P99_LATENCY, hundred())).hasValue(99);
        assertThat(over(Statistic.MAX_LATENCY, hundred())).hasValue(100);
        assertThat(over(Statistic.MEAN_LATENCY, hundred())).hasValue(50.5);
    }

    @Test
    void shouldTakeTheHighestValueAsP99OfFewSamples() {
        List<SampleView> three = hundred().subList(0, 3);
        assertThat(over(Statistic.P99_LATENCY, three)).hasValue(100);
        assertThat(over(Statistic.P50_LATENCY, three)).hasValue(99);
    }

    @Test
    void shouldGiveTheOnlyLatencyForEveryLatencyStatisticOfOneSample() {
        List<SampleView> one = List.of(new SampleView(42, 200, true, List.of()));
        for (Statistic s : List.of(Statistic.P50_LATENCY, Statistic.P95_LATENCY, Statistic.P99_LATENCY,
                Statistic.MAX_LATENCY, Statistic.MEAN_LATENCY)) {
            assertThat(over(s, one)).as(s.name()).hasValue(42);
        }
        assertThat(over(Statistic.SUCCESS_RATE, one)).hasValue(1.0);
        assertThat(over(Statistic.ERROR_RATE, one)).hasValue(0.0);
    }

    @Test
    void shouldPickTheTiedValueWhateverTheOrderOfTheSamples() {
        List<SampleView> ties = new ArrayList<>();
        for (double latency : new double[] {7, 3, 7, 7, 3, 9, 7, 3}) {
            ties.add(new SampleView(latency, 200, true, List.of()));
        }
        assertThat(over(Statistic.P50_LATENCY, ties)).hasValue(7); // rank 4 of 3,3,3,7,7,7,7,9
        assertThat(over(Statistic.P95_LATENCY, ties)).hasValue(9);
        List<SampleView> reversed = new ArrayList<>(ties);
        Collections.reverse(reversed);
        assertThat(over(Statistic.P50_LATENCY, reversed)).isEqualTo(over(Statistic.P50_LATENCY, ties));
        assertThat(over(Statistic.MEAN_LATENCY, reversed)).isEqualTo(over(Statistic.MEAN_LATENCY, ties));
    }

    @Test
    void shouldComputeSharesThatAddUp() {
        assertThat(over(Statistic.ERROR_RATE, hundred())).hasValue(0.1);
        assertThat(over(Statistic.SUCCESS_RATE, hundred())).hasValue(0.9);
        assertThat(over(Statistic.STATUS_SHARE, hundred())).hasValue(0.1);
        assertThat(new Measure(Statistic.STATUS_SHARE, 200, null).over(hundred(), null)).hasValue(0.9);
    }

    @Test
    void shouldMatchHeaderNamesCaseInsensitivelyWithOrWithoutAValue() {
        assertThat(over(Statistic.HEADER_PRESENT_SHARE, hundred())).hasValue(0.1);
        assertThat(new Measure(Statistic.HEADER_PRESENT_SHARE, null, "content-type").over(hundred(), null)).hasValue(0.9);
        assertThat(new Measure(Statistic.HEADER_PRESENT_SHARE, null, "Retry").over(hundred(), null)).hasValue(0.0);
    }

    @Test
    void shouldComputeThroughputPerSecondOfTheWindow() {
        assertThat(over(Statistic.THROUGHPUT, hundred())).hasValue(5.0);
        assertThat(Measure.of(Statistic.THROUGHPUT).over(hundred(), null)).isEmpty();
        assertThat(Measure.of(Statistic.THROUGHPUT).over(hundred(), 0L)).isEmpty();
    }

    @Test
    void shouldCountAnEmptyWindowAsZeroSamplesAndZeroThroughput() {
        assertThat(over(Statistic.SAMPLE_COUNT, hundred())).hasValue(100);
        assertThat(over(Statistic.SAMPLE_COUNT, List.of())).hasValue(0);
        assertThat(over(Statistic.THROUGHPUT, List.of())).hasValue(0);
    }

    @Test
    void shouldHaveNoOtherValueForAnEmptyWindow() {
        for (Statistic s : Statistic.values()) {
            if (s != Statistic.SAMPLE_COUNT && s != Statistic.THROUGHPUT) {
                assertThat(over(s, List.of())).as(s.name()).isEmpty();
            }
        }
    }

    @Test
    void shouldHaveNoValueWithoutItsStatusOrHeaderOrForAnUnknownStatistic() {
        assertThat(Measure.of(Statistic.STATUS_SHARE).over(hundred(), 1000L)).isEmpty();
        assertThat(Measure.of(Statistic.HEADER_PRESENT_SHARE).over(hundred(), 1000L)).isEmpty();
        assertThat(new Measure(Statistic.HEADER_PRESENT_SHARE, null, " ").over(hundred(), 1000L)).isEmpty();
        assertThat(Measure.of(Statistic.UNKNOWN).over(hundred(), 1000L)).isEmpty();
    }

    @Test
    void shouldComputeValueStatisticsOverTheSamplesThatCarryAValueOnly() {
        List<SampleView> samples = List.of(new SampleView(3, null, true, List.of(), 4.0),
                new SampleView(2, null, false, List.of(), null), new SampleView(5, null, true, List.of(), 1.5),
                new SampleView(1, null, true, List.of(), 0.5));

        assertThat(over(Statistic.VALUE_SUM, samples)).hasValue(6.0);
        assertThat(over(Statistic.VALUE_MEAN, samples)).hasValue(2.0);
        assertThat(over(Statistic.VALUE_MAX, samples)).hasValue(4.0);
        assertThat(over(Statistic.VALUE_MIN, samples)).hasValue(0.5);
        assertThat(over(Statistic.SAMPLE_COUNT, samples)).hasValue(4);
    }

    @Test
    void shouldHaveNoValueStatisticWhenNoSampleMeasuredAnything() {
        List<SampleView> absent = List.of(new SampleView(3, null, false, List.of(), null));

        for (Statistic statistic : List.of(Statistic.VALUE_SUM, Statistic.VALUE_MEAN, Statistic.VALUE_MAX,
                Statistic.VALUE_MIN)) {
            assertThat(over(statistic, absent)).as(statistic.name()).isEmpty();
            assertThat(over(statistic, hundred())).as(statistic + " over HTTP samples").isEmpty();
        }
    }
}
