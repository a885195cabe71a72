package dev.faultline.safety.norm;

/**
 * How far a value now lies outside its {@link Norm}'s band, in widths of the band: a value within
 * [low − tolerance, high + tolerance] is normal, where tolerance = {@code maxDeviation} × max(high − low,
 * {@code minBandShare} × |median|) — the floor keeps a band that history made almost flat (a target that always
 * answers in 2 ms) from turning every jitter into a block. A latency can only be too high ({@code upperOnly}); a
 * metric's direction is not known, so either side is a deviation.
 *
 * @param limit the edge the value crossed (or the upper one when it did not)
 */
public record Deviation(double value, Norm norm, double tolerance, boolean beyond, double limit) {

    public static Deviation of(double value, Norm norm, double maxDeviation, double minBandShare, boolean upperOnly) {
        double width = Math.max(norm.high() - norm.low(), minBandShare * Math.abs(norm.median()));
        double tolerance = maxDeviation * width;
        double upper = norm.high() + tolerance;
        double lower = norm.low() - tolerance;
        if (value > upper) {
            return new Deviation(value, norm, tolerance, true, upper);
        }
        if (!upperOnly && value < lower) {
            return new Deviation(value, norm, tolerance, true, lower);
        }
        return new Deviation(value, norm, tolerance, false, upper);
    }

    /** E.g. {@code above p90 2.6 + tolerance 0.8 = 3.4 ms}, or {@code within p10–p90 ± 0.8 ms}. */
    public String describe(String unit) {
        long hp = Math.round(norm.highPercentile() * 100);
        long lp = Math.round(norm.lowPercentile() * 100);
        if (!beyond) {
            return String.format("within p%d–p%d ± %s%s", lp, hp, Norm.number(tolerance), unit);
        }
        return value > norm.high()
                ? String.format("above p%d %s + tolerance %s = %s%s", hp, Norm.number(norm.high()),
                        Norm.number(tolerance), Norm.number(limit), unit)
                : String.format("below p%d %s − tolerance %s = %s%s", lp, Norm.number(norm.low()),
                        Norm.number(tolerance), Norm.number(limit), unit);
    }
}
