package dev.faultline.kit.clearance;

import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The clearance secret, {@code faultline.clearance.secret} (no default, at least 16 characters): the HMAC key that
 * safety-service signs clearances with and injector-service verifies them with. A service that needs it does not
 * start without it.
 */
@ConfigurationProperties("faultline.clearance")
public final class ClearanceSettings {

    static final int MIN_SECRET_LENGTH = 16;

    private final String secret;

    @ConfigurationInject
    public ClearanceSettings(@Nullable String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("faultline.clearance.secret must be set to at least " + MIN_SECRET_LENGTH
                    + " characters");
        }
        this.secret = secret;
    }

    public String secret() {
        return secret;
    }

    @Override
    public String toString() {
        return "ClearanceSettings[secret=***]";
    }
}
