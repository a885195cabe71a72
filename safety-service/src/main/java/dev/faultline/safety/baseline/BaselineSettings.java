package dev.faultline.safety.baseline;

import dev.faultline.kit.SettingChecks;
import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How the BASELINE_HEALTH check measures a probe ({@code faultline.safety.baseline.*}):
 * <ul>
 *   <li>{@code samples} (default 10): requests sent per probe, one after the other;</li>
 *   <li>{@code pause-millis} (default 20): the pause between two of them.</li>
 * </ul>
 */
@ConfigurationProperties("faultline.safety.baseline")
public final class BaselineSettings {

    private static final String PREFIX = "faultline.safety.baseline.";

    private final int samples;
    private final Duration pause;

    @ConfigurationInject
    public BaselineSettings(@Bindable(defaultValue = "10") int samples,
                            @Bindable(defaultValue = "20") long pauseMillis) {
        // no sample would measure nothing, and an empty measurement cannot be compared with a norm
        this.samples = (int) SettingChecks.atLeast(samples, 1, PREFIX + "samples");
        this.pause = Duration.ofMillis(SettingChecks.atLeast(pauseMillis, 0, PREFIX + "pause-millis"));
    }

    public int samples() {
        return samples;
    }

    public Duration pause() {
        return pause;
    }
}
