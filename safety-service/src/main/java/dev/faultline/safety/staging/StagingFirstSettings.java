package dev.faultline.safety.staging;

import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code faultline.safety.staging-first.*}: {@code max-age} (default {@code 30d}), how old the staging verdict an
 * environment with {@code requires-staging-first} asks for may be. Which environments ask is their policy's
 * ({@code faultline.safety.environments.<env>.requires-staging-first}).
 */
@ConfigurationProperties("faultline.safety.staging-first")
public final class StagingFirstSettings {

    private final Duration maxAge;

    @ConfigurationInject
    public StagingFirstSettings(@Bindable(defaultValue = "30d") Duration maxAge) {
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("faultline.safety.staging-first.max-age must be positive, was " + maxAge);
        }
        this.maxAge = maxAge;
    }

    public Duration maxAge() {
        return maxAge;
    }
}
