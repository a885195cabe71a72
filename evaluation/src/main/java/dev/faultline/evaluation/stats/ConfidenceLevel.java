package dev.faultline.evaluation.stats;

/** The confidence levels intervals are computed at: the default and the range a setting may choose from. */
public final class ConfidenceLevel {

    /** The level a verdict uses when none is configured, and that results recorded without one are read at. */
    public static final double DEFAULT = 0.95;
    /** Below 0.5 an interval says less than a coin toss; above 0.999 no realistic window could decide anything. */
    public static final double MIN = 0.5;
    public static final double MAX = 0.999;

    private ConfidenceLevel() {
    }

    /** {@code level}, or an IllegalArgumentException naming {@code what} and the allowed range. */
    public static double check(double level, String what) {
        if (!(level >= MIN && level <= MAX)) {
            throw new IllegalArgumentException(what + " must be in [" + MIN + ", " + MAX + "], was " + level);
        }
        return level;
    }

    /** "95 %" */
    public static String percent(double level) {
        return java.math.BigDecimal.valueOf(level * 100).setScale(1, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() + " %";
    }
}
