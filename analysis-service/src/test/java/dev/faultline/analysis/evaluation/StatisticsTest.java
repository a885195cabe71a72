package dev.faultline.analysis.evaluation;

import static dev.faultline.analysis.fixtures.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.analysis.fixtures.Fixtures;
import dev.faultline.schemas.avro.ProbeSample;
import dev.faultline.schemas.avro.Statistic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every statistic on known samples: latencies 1..100 ms, ten failed, a mix of statuses and headers. */
class StatisticsTest {

    /** 100 samples with latencies 1..100 ms; every tenth failed with 503 and Retry-After, the others 200. */
    static List<ProbeSample> hundred() {
        List<ProbeSample> samples = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            boolean failed = i % 10 == 0;
            samples.add(Fixtures.sample("p", T0.plusMillis(i), 101 - i, failed ? 503 : 200, !failed,
                    failed ? new String[] {"retry-after: 5"} : new String[] {"Content-Type"}));
        }
        return samples;
    }

    static Double compute(Statistic statistic) {
        return Statistics.compute(statistic, hundred(), 503, "Retry-After", 20_000L);
    }

    @Test
    void shouldComputeNearestRankPercentilesOverAllSamplesIncludingFailedOnes() {
        assertThat(compute(Statistic.P50_LATENCY)).isEqualTo(50.0);
        assertThat(compute(Statistic.P95_LATENCY)).isEqualTo(95.0);
        assertThat(compute(Statistic.P99_LATENCY)).isEqualTo(99.0);
        assertThat(compute(Statistic.MAX_LATENCY)).isEqualTo(100.0);
        assertThat(compute(Statistic.MEAN_LATENCY)).isEqualTo(50.5);
    }

    @Test
    void shouldTakeTheHighestValueAsP99OfFewSamples() {
        List<ProbeSample> three = hundred().subList(0, 3);
        assertThat(Statistics.compute(Statistic.P99_LATENCY, three, null, null, null)).isEqualTo(100.0);
        assertThat(Statistics.compute(Statistic.P50_LATENCY, three, null, null, null)).isEqualTo(99.0);
    }

    @Test
    void shouldComputeShares() {
        assertThat(compute(Statistic.ERROR_RATE)).isEqualTo(0.1);
        assertThat(compute(Statistic.SUCCESS_RATE)).isEqualTo(0.9);
        assertThat(compute(Statistic.STATUS_SHARE)).isEqualTo(0.1);
        assertThat(Statistics.compute(Statistic.STATUS_SHARE, hundred(), 200, null, null)).isEqualTo(0.9);
    }

    @Test
    void shouldMatchHeaderNamesCaseInsensitively() {
        assertThat(compute(Statistic.HEADER_PRESENT_SHARE)).isEqualTo(0.1);
        assertThat(Statistics.compute(Statistic.HEADER_PRESENT_SHARE, hundred(), null, "content-type", null))
                .isEqualTo(0.9);
        assertThat(Statistics.compute(Statistic.HEADER_PRESENT_SHARE, hundred(), null, "Retry", null)).isEqualTo(0.0);
    }

    @Test
    void shouldComputeThroughputPerSecondOfTheWindow() {
        assertThat(compute(Statistic.THROUGHPUT)).isEqualTo(5.0);
        assertThat(Statistics.compute(Statistic.THROUGHPUT, hundred(), null, null, null)).isNull();
    }

    @Test
    void shouldCountSamplesEvenWhenThereAreNone() {
        assertThat(compute(Statistic.SAMPLE_COUNT)).isEqualTo(100.0);
        assertThat(Statistics.compute(Statistic.SAMPLE_COUNT, List.of(), null, null, null)).isEqualTo(0.0);
    }

    @Test
    void shouldHaveNoValueWithoutSamplesOrForAnUnknownStatistic() {
        assertThat(Statistics.compute(Statistic.P99_LATENCY, List.of(), null, null, 1000L)).isNull();
        assertThat(Statistics.compute(Statistic.ERROR_RATE, List.of(), null, null, 1000L)).isNull();
        assertThat(Statistics.compute(Statistic.UNKNOWN, hundred(), null, null, 1000L)).isNull();
        assertThat(Statistics.compute(Statistic.STATUS_SHARE, hundred(), null, null, 1000L)).isNull();
    }
}
