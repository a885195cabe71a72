package dev.faultline.kit.health;

import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How the dependency health checks behave:
 * <ul>
 *   <li>{@code faultline.health.timeout} (default 2 s): how long a dependency may take to answer before it counts as
 *       down;</li>
 *   <li>{@code faultline.health.cache-for} (default 1 s): for how long an answer is reused, so that frequent probes of
 *       {@code /health} do not each reach Kafka and Cassandra; 0 asks every time.</li>
 * </ul>
 */
@ConfigurationProperties("faultline.health")
public final class HealthSettings {

    private final Duration timeout;
    private final Duration cacheFor;

    @ConfigurationInject
    public HealthSettings(@Bindable(defaultValue = "2s") Duration timeout,
                          @Bindable(defaultValue = "1s") Duration cacheFor) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("faultline.health.timeout must be positive, was " + timeout);
        }
        if (cacheFor == null || cacheFor.isNegative()) {
            throw new IllegalArgumentException("faultline.health.cache-for must not be negative, was " + cacheFor);
        }
        this.timeout = timeout;
        this.cacheFor = cacheFor;
    }

    public Duration timeout() {
        return timeout;
    }

    public Duration cacheFor() {
        return cacheFor;
    }
}
