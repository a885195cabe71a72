package dev.faultline.hypothesis.reverify;

import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * The re-verifier's settings ({@code faultline.reverify.*}):
 * <ul>
 *   <li>{@code enabled} (default true): whether stale catalog entries are proposed for a re-run at all;</li>
 *   <li>{@code every} (default {@code 1h}): how often the catalog is looked through;</li>
 *   <li>{@code window} (default none, e.g. {@code 02:00-05:00}): a daily UTC window the re-runs are proposed for
 *       (the next one to start), so that they run at quiet hours; without it they run once approved.</li>
 * </ul>
 * When an entry is stale is catalog-service's to say ({@code faultline.catalog.stale-after}, deployments since the
 * last test): the re-verifier reads the entry's {@code stale} and {@code staleReason}.
 */
@ConfigurationProperties("faultline.reverify")
public final class ReverifySettings {

    private final boolean enabled;
    private final Duration every;
    private final LocalTime windowFrom;
    private final LocalTime windowTo;

    @ConfigurationInject
    public ReverifySettings(@Bindable(defaultValue = "true") boolean enabled,
                            @Bindable(defaultValue = "1h") Duration every,
                            @Nullable String window) {
        if (every == null || every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("faultline.reverify.every must be positive, was " + every);
        }
        this.enabled = enabled;
        this.every = every;
        if (window == null || window.isBlank()) {
            this.windowFrom = null;
            this.windowTo = null;
        } else {
            String[] parts = window.strip().split("-");
            try {
                if (parts.length != 2) {
                    throw new DateTimeParseException("not FROM-TO", window, 0);
                }
                this.windowFrom = LocalTime.parse(parts[0].strip());
                this.windowTo = LocalTime.parse(parts[1].strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("faultline.reverify.window must be HH:mm-HH:mm (UTC), e.g. 02:00-05:00,"
                        + " was '" + window + "'");
            }
            if (windowFrom.equals(windowTo)) {
                throw new IllegalArgumentException("faultline.reverify.window must not be empty, was '" + window + "'");
            }
        }
    }

    public boolean enabled() {
        return enabled;
    }

    public Duration every() {
        return every;
    }

    /** The daily window the re-runs are proposed for, or null. */
    public DailySlot window() {
        return windowFrom == null ? null : new DailySlot(windowFrom, windowTo);
    }
}
