package dev.faultline.evaluation.stats;

import java.util.Arrays;

/**
 * Tests of a difference between a control and an experiment: Mann–Whitney U for latencies and values (no
 * assumption about their distribution; the normal approximation with the tie correction and a continuity correction
 * of ½, as most statistics packages compute it — the exact distribution adds nothing at the sample sizes of an
 * experiment), and the two-proportion z test (pooled) for rates and shares. Both two-sided.
 */
public final class Significance {

    public static final String MANN_WHITNEY = "Mann-Whitney U";
    public static final String TWO_PROPORTION = "two-proportion z";

    /** A test's statistic (U of the experiment, or z) and its two-sided p-value. */
    public record Test(String name, double statistic, double pValue) {
    }

    private Significance() {
    }

    public static Test mannWhitney(double[] control, double[] experiment) {
        int m = control.length;
        int n = experiment.length;
        int total = m + n;
        double[][] pooled = new double[total][];
        for (int i = 0; i < m; i++) {
            pooled[i] = new double[] {control[i], 0};
        }
        for (int i = 0; i < n; i++) {
            pooled[m + i] = new double[] {experiment[i], 1};
        }
        Arrays.sort(pooled, (a, b) -> Double.compare(a[0], b[0]));
        double rankSum = 0;
        double ties = 0;
        for (int i = 0; i < total; ) {
            int j = i;
            while (j < total && pooled[j][0] == pooled[i][0]) {
                j++;
            }
            double rank = (i + 1 + j) / 2.0; // the mean of ranks i+1..j
            for (int k = i; k < j; k++) {
                rankSum += pooled[k][1] * rank;
            }
            double t = j - i;
            ties += t * t * t - t;
            i = j;
        }
        double u = rankSum - n * (n + 1) / 2.0;
        double mean = (double) m * n / 2;
        double variance = (double) m * n / 12 * ((total + 1) - ties / ((double) total * (total - 1)));
        if (!(variance > 0)) {
            return new Test(MANN_WHITNEY, u, 1.0);
        }
        double z = Math.max(0, Math.abs(u - mean) - 0.5) / StrictMath.sqrt(variance);
        return new Test(MANN_WHITNEY, u, Normal.twoSided(z));
    }

    /** Pooled two-proportion z test of {@code k1/n1} (control) against {@code k2/n2} (experiment). */
    public static Test twoProportion(long k1, long n1, long k2, long n2) {
        double p1 = (double) k1 / n1;
        double p2 = (double) k2 / n2;
        double pooled = (double) (k1 + k2) / (n1 + n2);
        double se = StrictMath.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        if (!(se > 0)) {
            return new Test(TWO_PROPORTION, 0, 1.0);
        }
        double z = (p2 - p1) / se;
        return new Test(TWO_PROPORTION, z, Normal.twoSided(z));
    }

    /** The median of ascending values (the mean of the two middle ones for an even count). */
    public static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
