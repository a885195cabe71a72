package dev.faultline.evaluation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.faultline.schemas.avro.ComparisonOperator;
import dev.faultline.schemas.avro.PredictionOutcome;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Deciding on the interval: held or not held only when it lies on one side, else the samples that would decide. */
class DecisionTest {

    private static Interval interval(double lower, double upper) {
        return new Interval(lower, upper, 0.95, Interval.Method.WILSON);
    }

    @Test
    void shouldDecideOnlyWhenTheIntervalLiesOnOneSide() {
        assertThat(Decision.of(ComparisonOperator.LESS_THAN, 800, interval(700, 790))).isEqualTo(PredictionOutcome.HELD);
        assertThat(Decision.of(ComparisonOperator.LESS_THAN, 800, interval(810, 900))).isEqualTo(PredictionOutcome.NOT_HELD);
        assertThat(Decision.of(ComparisonOperator.LESS_THAN, 800, interval(790, 810))).isEqualTo(PredictionOutcome.INCONCLUSIVE);
        assertThat(Decision.of(ComparisonOperator.LESS_THAN, 800, interval(700, 800))).as("< 800 excludes 800")
                .isEqualTo(PredictionOutcome.INCONCLUSIVE);
        assertThat(Decision.of(ComparisonOperator.LESS_OR_EQUAL, 800, interval(700, 800))).isEqualTo(PredictionOutcome.HELD);
        assertThat(Decision.of(ComparisonOperator.GREATER_OR_EQUAL, 0.9, interval(0.94, 1))).isEqualTo(PredictionOutcome.HELD);
        assertThat(Decision.of(ComparisonOperator.GREATER_OR_EQUAL, 0.99, interval(0.94, 1)))
                .isEqualTo(PredictionOutcome.INCONCLUSIVE);
        assertThat(Decision.of(ComparisonOperator.GREATER_THAN, 800, interval(700, Double.POSITIVE_INFINITY)))
                .isEqualTo(PredictionOutcome.INCONCLUSIVE);
        assertThat(Decision.of(ComparisonOperator.UNKNOWN, 800, interval(1, 2))).isEqualTo(PredictionOutcome.INCONCLUSIVE);
    }

    @Test
    void shouldDecideEqualityOnlyOnAnIntervalAtTheThresholdOrAwayFromIt() {
        assertThat(Decision.of(ComparisonOperator.EQUAL, 0, Interval.exact(0, 0.95))).isEqualTo(PredictionOutcome.HELD);
        assertThat(Decision.of(ComparisonOperator.EQUAL, 0, interval(0, 0.1))).isEqualTo(PredictionOutcome.INCONCLUSIVE);
        assertThat(Decision.of(ComparisonOperator.EQUAL, 0, interval(0.05, 0.1))).isEqualTo(PredictionOutcome.NOT_HELD);
        assertThat(Decision.of(ComparisonOperator.EQUAL, 0, interval(-0.1, 0.1))).isEqualTo(PredictionOutcome.INCONCLUSIVE);
        assertThat(Decision.of(ComparisonOperator.NOT_EQUAL, 0, interval(0.05, 0.1))).isEqualTo(PredictionOutcome.HELD);
        assertThat(Decision.of(ComparisonOperator.NOT_EQUAL, 0, interval(-0.1, 0.1))).isEqualTo(PredictionOutcome.INCONCLUSIVE);
        assertThat(Decision.of(ComparisonOperator.NOT_EQUAL, 0, Interval.exact(0, 0.95))).isEqualTo(PredictionOutcome.NOT_HELD);
    }

    @Test
    void shouldSayHowManyPerfectSamplesAShareOf99PercentNeeds() {
        // 60 perfect samples: the Wilson lower bound 60 / (60 + 1.96²) ≈ 0.94 straddles 0.99
        Estimate perfect = Intervals.wilson(60, 60, 0.95);
        assertThat(perfect.interval().lower()).isCloseTo(0.9398, within(1e-4));
        assertThat(perfect.decide(ComparisonOperator.GREATER_OR_EQUAL, 0.99)).isEqualTo(PredictionOutcome.INCONCLUSIVE);
        // n / (n + 3.8415) ≥ 0.99 from n = 381 on
        assertThat(perfect.samplesToDecide(ComparisonOperator.GREATER_OR_EQUAL, 0.99)).isEqualTo(381);
        assertThat(Intervals.wilson(381, 381, 0.95).decide(ComparisonOperator.GREATER_OR_EQUAL, 0.99))
                .isEqualTo(PredictionOutcome.HELD);
        assertThat(Intervals.wilson(380, 380, 0.95).decide(ComparisonOperator.GREATER_OR_EQUAL, 0.99))
                .isEqualTo(PredictionOutcome.INCONCLUSIVE);
    }

    @Test
    void shouldSayThatNoNumberOfSamplesDecidesAnEstimateOnTheThreshold() {
        Estimate half = Intervals.wilson(50, 100, 0.95);
        assertThat(half.decide(ComparisonOperator.GREATER_THAN, 0.5)).isEqualTo(PredictionOutcome.INCONCLUSIVE);
        assertThat(half.samplesToDecide(ComparisonOperator.GREATER_THAN, 0.5)).isNull();
        assertThat(Intervals.exact(3, 3, 0.95).samplesToDecide(ComparisonOperator.LESS_THAN, 3)).isNull();
    }

    @Test
    void shouldEstimateTheSamplesAMeanNeedsFromItsStandardError() {
        double[] latencies = IntStream.range(0, 100).mapToDouble(i -> 90 + (i % 21)).sorted().toArray(); // mean 100
        Estimate mean = Intervals.bootstrapMean(latencies, 0.95);
        double halfWidth = mean.value() - mean.interval().lower();
        assertThat(mean.decide(ComparisonOperator.GREATER_THAN, 100 - halfWidth / 2))
                .isEqualTo(PredictionOutcome.INCONCLUSIVE);
        // half the distance to the threshold: four times the samples, as a standard error shrinks with √n
        assertThat(mean.samplesToDecide(ComparisonOperator.GREATER_THAN, mean.value() - halfWidth / 2))
                .isBetween(395L, 405L);
    }

    @Test
    void shouldComputeTheSameBootstrapIntervalFromTheSameData() {
        double[] latencies = IntStream.range(0, 50).mapToDouble(i -> i * i).toArray();
        assertThat(Intervals.bootstrapMean(latencies, 0.95)).usingRecursiveComparison().ignoringFields("projection")
                .isEqualTo(Intervals.bootstrapMean(latencies.clone(), 0.95));
        assertThat(Intervals.bootstrapMean(latencies, 0.95).interval())
                .isEqualTo(Intervals.bootstrapMean(latencies.clone(), 0.95).interval());
    }

    @Test
    void shouldNotDecideAMeanOfOneSample() {
        Estimate one = Intervals.bootstrapMean(new double[] {5}, 0.95);
        assertThat(one.decide(ComparisonOperator.LESS_THAN, 800)).isEqualTo(PredictionOutcome.INCONCLUSIVE);
        assertThat(one.interval().lowerOrNull()).isNull();
        assertThat(one.samplesToDecide(ComparisonOperator.LESS_THAN, 800)).isNull();
    }

    @Test
    void shouldBoundAPercentileFromOrderStatistics() {
        double[] sorted = IntStream.rangeClosed(1, 100).mapToDouble(i -> i).toArray();
        Estimate median = Intervals.percentile(sorted, 50, 0.95);
        assertThat(median.value()).isEqualTo(50);
        // Binomial(100, 0.5): P(B < 40) = 0.0176 ≤ 0.025 < P(B < 41), P(B ≥ 61) = 0.0176: [x(40), x(61)]
        assertThat(median.interval().lower()).isEqualTo(40);
        assertThat(median.interval().upper()).isEqualTo(61);
        Estimate p99 = Intervals.percentile(sorted, 99, 0.95);
        assertThat(p99.interval().upper()).as("100 samples cannot bound a p99 from above").isInfinite();
        assertThat(p99.interval().lower()).isEqualTo(97);
    }
}
