package dev.faultline.evaluation.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * The intervals cover the true value about as often as their level says, in simulation against known
 * distributions. Every simulation draws from a {@link Random} with a fixed seed, so the coverages are the same on
 * every run and the tests cannot flake; the tolerances allow for the simulation's own error (a coverage estimated
 * from R draws has a standard error of √(0.95 · 0.05 / R): 0.005 at R = 2000, 0.01 at R = 500) and for what each
 * method is known to do: Wilson's coverage oscillates around the level with n and p, order statistics and ties
 * make the percentile interval conservative (at least the level), the percentile bootstrap of a skewed mean runs a
 * little short.
 */
class IntervalCoverageTest {

    private static final double LEVEL = 0.95;

    @Test
    void shouldCoverABernoulliShareAtAboutTheLevelWithWilson() {
        Random random = new Random(11);
        double sum = 0;
        int cases = 0;
        for (double p : new double[] {0.5, 0.8, 0.95, 0.99}) {
            for (int n : new int[] {30, 100, 400}) {
                int covered = 0;
                int draws = 2000;
                for (int r = 0; r < draws; r++) {
                    int successes = 0;
                    for (int i = 0; i < n; i++) {
                        successes += random.nextDouble() < p ? 1 : 0;
                    }
                    Interval interval = Intervals.wilson(successes, n, LEVEL).interval();
                    covered += interval.lower() <= p && p <= interval.upper() ? 1 : 0;
                }
                double coverage = (double) covered / draws;
                assertThat(coverage).as("Wilson coverage at p=%s, n=%s", p, n).isBetween(0.92, 0.99);
                sum += coverage;
                cases++;
            }
        }
        assertThat(sum / cases).as("mean Wilson coverage over p and n").isBetween(0.94, 0.96);
    }

    @Test
    void shouldCoverPercentilesOfSkewedLatenciesAtLeastAtTheLevel() {
        Random random = new Random(23);
        // exponential with mean 100 ms and lognormal (median 50 ms, σ 1): quantiles known in closed form
        DoubleSupplier exponential = () -> -100 * Math.log(1 - random.nextDouble());
        DoubleSupplier lognormal = () -> 50 * Math.exp(random.nextGaussian());
        for (int percent : new int[] {50, 95, 99}) {
            double q = percent / 100.0;
            double exponentialQuantile = -100 * Math.log(1 - q);
            double lognormalQuantile = 50 * Math.exp(Normal.quantile(q));
            for (int n : new int[] {60, 400, 1000}) {
                double exp = coverage(exponential, n, percent, exponentialQuantile, 600);
                double log = coverage(lognormal, n, percent, lognormalQuantile, 600);
                assertThat(exp).as("p%s coverage, exponential, n=%s", percent, n).isBetween(0.93, 1.0);
                assertThat(log).as("p%s coverage, lognormal, n=%s", percent, n).isBetween(0.93, 1.0);
                if (n == 1000) {
                    // both bounds exist and the equal-tailed ranks are close to exact: not much above the level either
                    assertThat(exp).as("p%s exponential n=1000", percent).isLessThanOrEqualTo(0.975);
                }
            }
        }
    }

    @Test
    void shouldCoverAMeanLatencyNearTheLevelWithTheBootstrap() {
        Random random = new Random(37);
        int draws = 400;
        int covered = 0;
        for (int r = 0; r < draws; r++) {
            double[] latencies = new double[120];
            for (int i = 0; i < latencies.length; i++) {
                latencies[i] = -100 * Math.log(1 - random.nextDouble());
            }
            Arrays.sort(latencies);
            Interval interval = Intervals.bootstrapMean(latencies, LEVEL).interval();
            covered += interval.lower() <= 100 && 100 <= interval.upper() ? 1 : 0;
        }
        assertThat((double) covered / draws).as("bootstrap coverage of an exponential mean, n=120").isBetween(0.91, 0.975);
    }

    private static double coverage(DoubleSupplier draw, int n, int percent, double truth, int draws) {
        int covered = 0;
        for (int r = 0; r < draws; r++) {
            double[] sorted = new double[n];
            for (int i = 0; i < n; i++) {
                sorted[i] = draw.getAsDouble();
            }
            Arrays.sort(sorted);
            Interval interval = Intervals.percentile(sorted, percent, LEVEL).interval();
            covered += interval.lower() <= truth && truth <= interval.upper() ? 1 : 0;
        }
        return (double) covered / draws;
    }
}
