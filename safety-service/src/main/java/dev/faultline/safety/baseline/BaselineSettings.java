package dev.faultline.safety.baseline;

import dev.faultline.kit.SettingChecks;
import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How a preflight measures each HTTP probe — once, for both BASELINE_HEALTH and HISTORICAL_NORM — and what
 * BASELINE_HEALTH allows ({@code faultline.safety.baseline.*}):
 * <ul>
 *   <li>{@code samples} (default 10): requests sent per probe, one after the other;</li>
 *   <li>{@code pause-millis} (default 20): the pause between two of them;</li>
 *   <li>{@code max-error-rate} (default 0.05): the error rate (no answer, or not 2xx/3xx) BASELINE_HEALTH allows,
 *       in [0, 1): it blocks when the 95 % Wilson interval of those requests' error rate lies wholly above it
 *       (confidently unhealthy; with 10 requests, 2 failures block at the default, 1 does not).</li>
 * </ul>
 */
@ConfigurationProperties("faultline.safety.baseline")
public final class BaselineSettings {

    private static final String PREFIX = "faultline.safety.baseline.";

    private final int samples;
    private final Duration pause;
    private final double maxErrorRate;

    @ConfigurationInject
    public BaselineSettings(@Bindable(defaultValue = "10") int samples,
                            @Bindable(defaultValue = "20") long pauseMillis,
                            @Bindable(defaultValue = "0.05") double maxErrorRate) {
        // no sample would measure nothing, and an empty measurement shows no health
        this.samples = (int) SettingChecks.atLeast(samples, 1, PREFIX + "samples");
        this.pause = Duration.ofMillis(SettingChecks.atLeast(pauseMillis, 0, PREFIX + "pause-millis"));
        // 1 or more would let a target that fails every request pass
        if (maxErrorRate < 0 || maxErrorRate >= 1) {
            throw new IllegalArgumentException(PREFIX + "max-error-rate must be in [0, 1), was " + maxErrorRate);
        }
        this.maxErrorRate = maxErrorRate;
    }

    public int samples() {
        return samples;
    }

    public Duration pause() {
        return pause;
    }

    public double maxErrorRate() {
        return maxErrorRate;
    }
}
