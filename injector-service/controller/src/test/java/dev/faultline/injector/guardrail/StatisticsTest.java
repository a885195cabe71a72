package dev.faultline.injector.guardrail;

import static dev.faultline.injector.Fixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.injector.probe.Sample;
import dev.faultline.schemas.avro.ComparisonOperator;
import dev.faultline.schemas.avro.Statistic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static List<Sample> latencies(int n) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            samples.add(sample("p", T0.plusMillis(i), i, i % 4 != 0));
        }
        return samples;
    }

    @Test
    void shouldComputeNearestRankPercentiles() {
        List<Sample> samples = latencies(100);
        assertThat(Statistics.compute(Statistic.P50_LATENCY, samples, null, null, 1000)).hasValue(50);
        assertThat(Statistics.compute(Statistic.P95_LATENCY, samples, null, null, 1000)).hasValue(95);
        assertThat(Statistics.compute(Statistic.P99_LATENCY, samples, null, null, 1000)).hasValue(99);
        assertThat(Statistics.compute(Statistic.MAX_LATENCY, samples, null, null, 1000)).hasValue(100);
        assertThat(Statistics.compute(Statistic.MEAN_LATENCY, samples, null, null, 1000)).hasValue(50.5);
    }

    @Test
    void shouldComputeRatesAndShares() {
        List<Sample> samples = latencies(100);
        assertThat(Statistics.compute(Statistic.ERROR_RATE, samples, null, null, 1000)).hasValue(0.25);
        assertThat(Statistics.compute(Statistic.SUCCESS_RATE, samples, null, null, 1000)).hasValue(0.75);
        assertThat(Statistics.compute(Statistic.STATUS_SHARE, samples, 503, null, 1000)).hasValue(0.25);
        assertThat(Statistics.compute(Statistic.HEADER_PRESENT_SHARE, samples, null, "Content-Type", 1000)).hasValue(0.75);
        assertThat(Statistics.compute(Statistic.THROUGHPUT, samples, null, null, 2000)).hasValue(50);
        assertThat(Statistics.compute(Statistic.SAMPLE_COUNT, samples, null, null, 2000)).hasValue(100);
    }

    @Test
    void shouldBeEmptyWithoutSamples() {
        assertThat(Statistics.compute(Statistic.ERROR_RATE, List.of(), null, null, 1000)).isEmpty();
        assertThat(Statistics.compute(Statistic.P99_LATENCY, List.of(), null, null, 1000)).isEmpty();
        assertThat(Statistics.compute(Statistic.STATUS_SHARE, latencies(3), null, null, 1000)).isEmpty();
    }

    @Test
    void shouldCompareWithEveryOperator() {
        assertThat(Statistics.holds(0.6, ComparisonOperator.GREATER_THAN, 0.5)).isTrue();
        assertThat(Statistics.holds(0.5, ComparisonOperator.GREATER_THAN, 0.5)).isFalse();
        assertThat(Statistics.holds(0.5, ComparisonOperator.GREATER_OR_EQUAL, 0.5)).isTrue();
        assertThat(Statistics.holds(0.4, ComparisonOperator.LESS_THAN, 0.5)).isTrue();
        assertThat(Statistics.holds(0.5, ComparisonOperator.LESS_OR_EQUAL, 0.5)).isTrue();
        assertThat(Statistics.holds(0.5, ComparisonOperator.EQUAL, 0.5)).isTrue();
        assertThat(Statistics.holds(0.5, ComparisonOperator.NOT_EQUAL, 0.5)).isFalse();
        assertThat(Statistics.holds(0.5, ComparisonOperator.UNKNOWN, 0.5)).isFalse();
    }
}
