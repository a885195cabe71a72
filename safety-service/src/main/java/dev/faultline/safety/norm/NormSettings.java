package dev.faultline.safety.norm;

import dev.faultline.kit.SettingChecks;
import dev.faultline.schemas.avro.Environment;
import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The historical norms of HISTORICAL_NORM ({@code faultline.safety.norms.*}):
 * <ul>
 *   <li>{@code sample-interval} (default {@code 1m}): how often each HTTP probe of an approved plan is sent once in
 *       the background to build its history — low enough that the target does not notice;</li>
 *   <li>{@code retention} (default {@code 35d}): how long a sample is kept (Cassandra TTL), and how long a probe is
 *       still sampled after its plan's latest approval; at least {@code weeks} weeks;</li>
 *   <li>{@code weeks} (default 4): how many past weeks the norm is made of (HTTP samples and Prometheus range
 *       queries alike);</li>
 *   <li>{@code band-low}, {@code band-high} (default 0.1, 0.9): the percentiles of the band around the median;</li>
 *   <li>{@code max-deviation} (default 1.0): how far beyond the band a value may lie, in band widths, before the
 *       check blocks;</li>
 *   <li>{@code min-band-share} (default 0.1): the band width counted is at least this share of the median;</li>
 *   <li>{@code min-samples} (default 30): past values a norm needs (the hour, else the hour either side too); with
 *       fewer the probe has no history yet;</li>
 *   <li>{@code error-rate-margin} (default 0.05): an HTTP probe's error rate now may exceed its history's error
 *       share at this hour by this much;</li>
 *   <li>{@code metric-step} (default {@code 1m}): the step of the Prometheus range queries a METRIC probe's history
 *       is read with;</li>
 *   <li>{@code approver-without-history} (default {@code PRODUCTION}): the environments where a plan with a probe
 *       that has no history yet needs an approver (APPROVAL).</li>
 * </ul>
 */
@ConfigurationProperties("faultline.safety.norms")
public final class NormSettings {

    private static final String PREFIX = "faultline.safety.norms.";

    private final Duration sampleInterval;
    private final Duration retention;
    private final int weeks;
    private final double bandLow;
    private final double bandHigh;
    private final double maxDeviation;
    private final double minBandShare;
    private final int minSamples;
    private final double errorRateMargin;
    private final Duration metricStep;
    private final Set<Environment> approverWithoutHistory;

    @ConfigurationInject
    public NormSettings(@Bindable(defaultValue = "1m") Duration sampleInterval,
                        @Bindable(defaultValue = "35d") Duration retention,
                        @Bindable(defaultValue = "4") int weeks,
                        @Bindable(defaultValue = "0.1") double bandLow,
                        @Bindable(defaultValue = "0.9") double bandHigh,
                        @Bindable(defaultValue = "1.0") double maxDeviation,
                        @Bindable(defaultValue = "0.1") double minBandShare,
                        @Bindable(defaultValue = "30") int minSamples,
                        @Bindable(defaultValue = "0.05") double errorRateMargin,
                        @Bindable(defaultValue = "1m") Duration metricStep,
                        @Nullable List<Environment> approverWithoutHistory) {
        this.sampleInterval = positive(sampleInterval, "sample-interval");
        this.weeks = (int) SettingChecks.atLeast(weeks, 1, PREFIX + "weeks");
        this.retention = positive(retention, "retention");
        if (retention.compareTo(HourOfWeek.WEEK.multipliedBy(weeks)) < 0) {
            // samples would expire before the norm reads them
            throw new IllegalArgumentException(PREFIX + "retention " + retention + " must be at least "
                    + PREFIX + "weeks (" + weeks + ") weeks");
        }
        if (!(bandLow > 0 && bandLow < 0.5 && bandHigh > 0.5 && bandHigh < 1)) {
            throw new IllegalArgumentException(PREFIX + "band-low must be in (0, 0.5) and band-high in (0.5, 1), were "
                    + bandLow + " and " + bandHigh);
        }
        this.bandLow = bandLow;
        this.bandHigh = bandHigh;
        this.maxDeviation = notNegative(maxDeviation, "max-deviation");
        this.minBandShare = notNegative(minBandShare, "min-band-share");
        this.minSamples = (int) SettingChecks.atLeast(minSamples, 1, PREFIX + "min-samples");
        this.errorRateMargin = notNegative(errorRateMargin, "error-rate-margin");
        this.metricStep = positive(metricStep, "metric-step");
        this.approverWithoutHistory = approverWithoutHistory == null ? EnumSet.of(Environment.PRODUCTION)
                : approverWithoutHistory.isEmpty() ? EnumSet.noneOf(Environment.class)
                : EnumSet.copyOf(approverWithoutHistory);
    }

    private static Duration positive(Duration value, String key) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(PREFIX + key + " must be positive, was " + value);
        }
        return value;
    }

    private static double notNegative(double value, String key) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException(PREFIX + key + " must be at least 0, was " + value);
        }
        return value;
    }

    public Duration sampleInterval() {
        return sampleInterval;
    }

    public Duration retention() {
        return retention;
    }

    public int weeks() {
        return weeks;
    }

    public double bandLow() {
        return bandLow;
    }

    public double bandHigh() {
        return bandHigh;
    }

    public double maxDeviation() {
        return maxDeviation;
    }

    public double minBandShare() {
        return minBandShare;
    }

    public int minSamples() {
        return minSamples;
    }

    public double errorRateMargin() {
        return errorRateMargin;
    }

    public Duration metricStep() {
        return metricStep;
    }

    /** Whether a plan in {@code environment} with a probe without history needs an approver. */
    public boolean approverWithoutHistory(Environment environment) {
        return approverWithoutHistory.contains(environment);
    }
}
