package dev.faultline.safety.schedule;

import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Deferred starts ({@code faultline.safety.schedule.*}):
 * <ul>
 *   <li>{@code start-grace} (default {@code 15m}): with only a start asked for ({@code --at}), how long after it the
 *       run may still start; the window then ends after that plus the duration;</li>
 *   <li>{@code retry-every} (default {@code 1m}): while the window lasts, how often a blocked preflight runs again
 *       (only its first block and its pass are published; the window's end is published as a block).</li>
 * </ul>
 */
@ConfigurationProperties("faultline.safety.schedule")
public final class ScheduleSettings {

    private final Duration startGrace;
    private final Duration retryEvery;

    @ConfigurationInject
    public ScheduleSettings(@Bindable(defaultValue = "15m") Duration startGrace,
                            @Bindable(defaultValue = "1m") Duration retryEvery) {
        if (startGrace == null || startGrace.isNegative()) {
            throw new IllegalArgumentException("faultline.safety.schedule.start-grace must be zero or positive, was "
                    + startGrace);
        }
        if (retryEvery == null || retryEvery.isNegative() || retryEvery.isZero()) {
            throw new IllegalArgumentException("faultline.safety.schedule.retry-every must be positive, was "
                    + retryEvery);
        }
        this.startGrace = startGrace;
        this.retryEvery = retryEvery;
    }

    public Duration startGrace() {
        return startGrace;
    }

    public Duration retryEvery() {
        return retryEvery;
    }
}
