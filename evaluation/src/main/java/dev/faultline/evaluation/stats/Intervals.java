package dev.faultline.evaluation.stats;

import java.util.Arrays;
import java.util.Random;

/**
 * The confidence intervals of the statistics, each with the projection {@link Estimate#samplesToDecide} uses. All
 * are deterministic functions of their data (the bootstrap draws from a generator seeded with the data), computed
 * with {@link StrictMath}, so a replay recomputes them bit for bit.
 */
public final class Intervals {

    /** Bootstrap resamples: percentile bounds at 95 % then move by well under a tenth of a standard error. */
    static final int RESAMPLES = 2000;

    private Intervals() {
    }

    /**
     * The Wilson score interval of a share {@code successes / n}: unlike the normal ("Wald") interval it stays in
     * [0, 1] and keeps its coverage near 0 and 1, where predictions such as "≥ 0.99 served" live.
     */
    public static Estimate wilson(long successes, long n, double level) {
        double z = Normal.z(level);
        double share = (double) successes / n;
        Interval interval = wilson(share, n, z, level).containing(share);
        return new Estimate(share, interval, (int) n, more -> wilson(share, more, z, level));
    }

    private static Interval wilson(double share, double n, double z, double level) {
        double z2 = z * z;
        double centre = (share + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * StrictMath.sqrt(share * (1 - share) / n + z2 / (4 * n * n));
        double lower = share == 0 ? 0 : Math.max(0, centre - half);
        double upper = share == 1 ? 1 : Math.min(1, centre + half);
        return new Interval(Math.min(lower, share), Math.max(upper, share), level, Interval.Method.WILSON);
    }

    /**
     * The distribution-free interval of the {@code percent}-th percentile (nearest rank) from order statistics:
     * the number B of samples at or below the true percentile is Binomial(n, percent/100), so
     * [x(l), x(u)] covers it with probability P(l ≤ B < u) whatever the latencies' distribution. l and u are the
     * equal-tailed choice (each tail at most (1 − level)/2), so the coverage is at least the level. A rank outside
     * 1..n leaves that side unbounded: a p99 needs 368 samples at 95 % before its upper bound exists.
     *
     * @param sorted the values, ascending
     */
    public static Estimate percentile(double[] sorted, int percent, double level) {
        int n = sorted.length;
        double value = sorted[nearestRank(percent, n) - 1];
        double q = percent / 100.0;
        long[] ranks = ranks(n, q, level);
        long l = ranks[0];
        long u = ranks[1];
        Interval interval = new Interval(l >= 1 ? sorted[(int) l - 1] : Double.NEGATIVE_INFINITY,
                u <= n ? sorted[(int) u - 1] : Double.POSITIVE_INFINITY, level, Interval.Method.ORDER_STATISTICS)
                .containing(value);
        return new Estimate(value, interval, n, more -> projectedPercentile(sorted, q, more, level));
    }

    /**
     * The percentile's interval with {@code more} samples drawn from the distribution seen so far: the ranks for
     * {@code more} samples, read off the empirical distribution of the current ones.
     */
    private static Interval projectedPercentile(double[] sorted, double q, long more, double level) {
        long[] ranks = ranks(more, q, level);
        double value = sorted[nearestRank(q, sorted.length) - 1];
        double lower = ranks[0] < 1 ? Double.NEGATIVE_INFINITY
                : sorted[nearestRank((double) ranks[0] / more, sorted.length) - 1];
        double upper = ranks[1] > more ? Double.POSITIVE_INFINITY
                : sorted[nearestRank((double) ranks[1] / more, sorted.length) - 1];
        return new Interval(Math.min(lower, value), Math.max(upper, value), level, Interval.Method.ORDER_STATISTICS);
    }

    /** Up to this many samples the ranks come from the binomial itself, beyond from its normal approximation. */
    static final int EXACT_RANKS = 20_000;

    /**
     * The ranks {l, u} (1-based; 0 or n + 1 when that side is unbounded) of the equal-tailed order-statistic
     * interval of the q-quantile over n samples: l the largest with P(B < l) ≤ (1 − level)/2, u the smallest with
     * P(B ≥ u) ≤ (1 − level)/2, B ~ Binomial(n, q).
     */
    static long[] ranks(long n, double q, double level) {
        double tail = (1 - level) / 2;
        if (n > EXACT_RANKS) {
            double spread = Normal.z(level) * StrictMath.sqrt(n * q * (1 - q));
            return new long[] {Math.max(0, (long) Math.floor(n * q - spread)),
                    Math.min(n + 1, (long) Math.ceil(n * q + spread) + 1)};
        }
        double[] cdf = binomialCdf((int) n, q);
        int l = 0; // P(B < l) = cdf[l - 1]
        while (l < n && cdf[l] <= tail) {
            l++;
        }
        int u = 1; // P(B >= u) = 1 - cdf[u - 1]
        while (u <= n && cdf[u - 1] < 1 - tail) {
            u++;
        }
        return new long[] {l, u};
    }

    /**
     * The percentile bootstrap interval of the mean: {@value #RESAMPLES} resamples drawn with a generator seeded
     * from the values themselves (their bits, in sorted order), so the same data always give the same interval.
     * The projection shrinks the two half-widths by √(n / more), as a mean's standard error does. A single value
     * gives an unbounded interval.
     */
    public static Estimate bootstrapMean(double[] sorted, double level) {
        int n = sorted.length;
        double value = mean(sorted);
        if (n < 2) {
            // one value says nothing about the spread: no bound on either side, and no projection
            return new Estimate(value, new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, level,
                    Interval.Method.BOOTSTRAP), n, null);
        }
        Random random = new Random(seed(sorted));
        double[] means = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += sorted[random.nextInt(n)];
            }
            means[b] = sum / n;
        }
        Arrays.sort(means);
        double tail = (1 - level) / 2;
        int low = (int) Math.floor(tail * RESAMPLES);
        int high = Math.min(RESAMPLES - 1, (int) Math.ceil((1 - tail) * RESAMPLES) - 1);
        Interval interval = new Interval(means[low], means[high], level, Interval.Method.BOOTSTRAP).containing(value);
        double below = value - interval.lower();
        double above = interval.upper() - value;
        return new Estimate(value, interval, n, more -> {
            double shrink = StrictMath.sqrt((double) n / more);
            return new Interval(value - below * shrink, value + above * shrink, level, Interval.Method.BOOTSTRAP);
        });
    }

    /** A statistic without sampling error (a count, an extreme of the window): more samples decide nothing new. */
    public static Estimate exact(double value, int samples, double level) {
        return new Estimate(value, Interval.exact(value, level), samples, null);
    }

    /** The seed of a bootstrap: a hash of the values' bits in ascending order and of their number. */
    static long seed(double[] sorted) {
        long seed = 1125899906842597L + sorted.length;
        for (double value : sorted) {
            seed = 31 * seed + Double.doubleToLongBits(value);
        }
        return seed;
    }

    /** Summed in ascending order, as {@code Measure} does, so that the value equals the measured mean. */
    static double mean(double[] sorted) {
        double sum = 0;
        for (double value : sorted) {
            sum += value;
        }
        return sum / sorted.length;
    }

    static int nearestRank(int percent, int n) {
        long rank = ((long) percent * n + 99) / 100;
        return (int) Math.max(rank, 1);
    }

    private static int nearestRank(double share, int n) {
        return (int) Math.min(n, Math.max(1, Math.ceil(share * n - 1e-9)));
    }

    /** cdf[k] = P(B ≤ k) for B ~ Binomial(n, q), 0 < q < 1, summed from log-space terms (no underflow for large n). */
    static double[] binomialCdf(int n, double q) {
        double[] logPmf = new double[n + 1];
        logPmf[0] = n * StrictMath.log1p(-q);
        double ratio = StrictMath.log(q) - StrictMath.log1p(-q);
        double max = logPmf[0];
        for (int k = 0; k < n; k++) {
            logPmf[k + 1] = logPmf[k] + StrictMath.log((double) (n - k) / (k + 1)) + ratio;
            max = Math.max(max, logPmf[k + 1]);
        }
        double[] cdf = new double[n + 1];
        double total = 0;
        for (int k = 0; k <= n; k++) {
            total += StrictMath.exp(logPmf[k] - max);
            cdf[k] = total;
        }
        for (int k = 0; k <= n; k++) {
            cdf[k] /= total;
        }
        return cdf;
    }
}
