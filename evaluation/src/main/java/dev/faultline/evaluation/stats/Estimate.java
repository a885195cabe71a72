package dev.faultline.evaluation.stats;

import dev.faultline.schemas.avro.ComparisonOperator;
import dev.faultline.schemas.avro.PredictionOutcome;
import java.util.function.LongFunction;

/**
 * A statistic's value over a window with its confidence interval, and how the interval would look with more
 * samples of the same kind ({@code projection}: the interval the same method would give around the same data
 * shape with n samples; null when more samples change nothing, as for an exact statistic).
 *
 * @param samples the samples the statistic was computed over
 */
public record Estimate(double value, Interval interval, int samples, LongFunction<Interval> projection) {

    /** Beyond this, "more samples" is no advice: the estimate sits on the threshold for any practical window. */
    static final long MAX_SAMPLES = 10_000_000L;

    public PredictionOutcome decide(ComparisonOperator comparator, double threshold) {
        return Decision.of(comparator, threshold, interval);
    }

    /**
     * The smallest n (more than {@link #samples}) at which the projected interval would decide the comparison, or
     * null when none up to ten million would (the estimate lies on the threshold) or nothing is projected. Found by
     * doubling n, then bisecting: the projected intervals narrow as n grows.
     */
    public Long samplesToDecide(ComparisonOperator comparator, double threshold) {
        if (projection == null) {
            return null;
        }
        long fails = Math.max(samples, 1);
        long decides = fails * 2;
        while (!decides(comparator, threshold, decides)) {
            fails = decides;
            decides *= 2;
            if (decides > MAX_SAMPLES) {
                return null;
            }
        }
        while (decides - fails > 1) {
            long middle = fails + (decides - fails) / 2;
            if (decides(comparator, threshold, middle)) {
                decides = middle;
            } else {
                fails = middle;
            }
        }
        return decides;
    }

    private boolean decides(ComparisonOperator comparator, double threshold, long n) {
        return Decision.of(comparator, threshold, projection.apply(n)) != PredictionOutcome.INCONCLUSIVE;
    }
}
