package dev.faultline.evaluation.stats;

/**
 * A two-sided confidence interval around an estimate at {@code level}; a bound is infinite when the data cannot
 * bound that side (e.g. the upper bound of a p99 over fewer than 368 samples at 95 %). Every interval built here
 * contains its estimate, so a decision taken on the interval never contradicts the point estimate.
 */
public record Interval(double lower, double upper, double level, Method method) {

    /** How an interval was computed; {@link #label} is what a result records and a report shows. */
    public enum Method {
        WILSON("Wilson score"),
        ORDER_STATISTICS("order statistics"),
        BOOTSTRAP("bootstrap"),
        EXACT("exact");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Interval {
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("an interval needs lower <= upper, was " + lower + ", " + upper);
        }
    }

    /** No sampling error: the statistic is a count or an extreme of the window itself. */
    public static Interval exact(double value, double level) {
        return new Interval(value, value, level, Method.EXACT);
    }

    /** This interval widened, if needed, to contain {@code value}. */
    Interval containing(double value) {
        return new Interval(Math.min(lower, value), Math.max(upper, value), level, method);
    }

    /** The bound or null when that side is unbounded (how the contract records it). */
    public Double lowerOrNull() {
        return Double.isInfinite(lower) ? null : lower;
    }

    public Double upperOrNull() {
        return Double.isInfinite(upper) ? null : upper;
    }
}
