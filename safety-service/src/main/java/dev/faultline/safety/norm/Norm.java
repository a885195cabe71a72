package dev.faultline.safety.norm;

import java.util.List;

/**
 * The norm of one quantity for one hour of the week: the median of its past values and a percentile band around it
 * (p10–p90 by default), each by nearest rank — the value at rank ⌈p·n⌉ of the sorted values, as service-kit's
 * statistics rank a probe's samples.
 */
public record Norm(Bucket bucket, double lowPercentile, double highPercentile, double median, double low, double high) {

    public static Norm of(Bucket bucket, double lowPercentile, double highPercentile) {
        if (bucket.values().isEmpty()) {
            throw new IllegalArgumentException("a norm needs at least one past value");
        }
        List<Double> sorted = bucket.values().stream().sorted().toList();
        return new Norm(bucket, lowPercentile, highPercentile, rank(sorted, 0.5), rank(sorted, lowPercentile),
                rank(sorted, highPercentile));
    }

    static double rank(List<Double> sorted, double percentile) {
        int rank = (int) Math.ceil(percentile * sorted.size());
        return sorted.get(Math.min(Math.max(rank, 1), sorted.size()) - 1);
    }

    public int samples() {
        return bucket.values().size();
    }

    /** E.g. {@code median 2.1, p10–p90 1.8–2.6 ms over 240 samples from 4 weeks at Thu 12:00 UTC}. */
    public String describe(String unit) {
        return String.format("median %s, p%d–p%d %s–%s%s over %d samples from %d week%s at %s", number(median),
                Math.round(lowPercentile * 100), Math.round(highPercentile * 100), number(low), number(high), unit,
                samples(), bucket.weeks(), bucket.weeks() == 1 ? "" : "s", bucket.describe());
    }

    static String number(double value) {
        return Math.abs(value) >= 100 || value == Math.rint(value) ? String.format("%.0f", value)
                : Math.abs(value) >= 1 ? String.format("%.1f", value) : String.format("%.3g", value);
    }
}
