package dev.faultline.safety.calendar;

import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The deployment calendar's settings ({@code faultline.safety.calendar.*}):
 * <ul>
 *   <li>{@code deploy-margin} (default {@code 30m}): how long before an experiment's window starts and after it ends
 *       a deployment of its service or of a dependency still blocks it (DEPLOYMENT_CALENDAR).</li>
 * </ul>
 */
@ConfigurationProperties("faultline.safety.calendar")
public final class CalendarSettings {

    private final Duration deployMargin;

    @ConfigurationInject
    public CalendarSettings(@Bindable(defaultValue = "30m") Duration deployMargin) {
        if (deployMargin == null || deployMargin.isNegative()) {
            throw new IllegalArgumentException("faultline.safety.calendar.deploy-margin must be zero or positive, was "
                    + deployMargin);
        }
        this.deployMargin = deployMargin;
    }

    public Duration deployMargin() {
        return deployMargin;
    }
}
