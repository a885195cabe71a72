package dev.faultline.analysis;

import dev.faultline.kit.SettingChecks;
import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * analysis-service's settings:
 * <ul>
 *   <li>{@code faultline.analysis.group-id} (default {@code analysis-service}): the consumer group of
 *       {@link AnalysisListener}, whose committed offsets also tell the start-up backlog;</li>
 *   <li>{@code faultline.analysis.lost-grace-millis} (default 15000): an injection with no stop by its deadline plus
 *       this grace is judged lost (ABORTED, LOST);</li>
 *   <li>{@code faultline.analysis.watchdog-interval-millis} (default 1000): how often the lost-injector watchdog
 *       looks.</li>
 * </ul>
 * {@code faultline.analysis.enabled: false} leaves the listener out (a context for the HTTP side alone).
 */
@ConfigurationProperties("faultline.analysis")
public final class AnalysisSettings {

    private final String groupId;
    private final Duration lostGrace;
    private final Duration watchdogInterval;

    @ConfigurationInject
    public AnalysisSettings(@Bindable(defaultValue = "analysis-service") String groupId,
                            @Bindable(defaultValue = "15000") long lostGraceMillis,
                            @Bindable(defaultValue = "1000") long watchdogIntervalMillis) {
        this.groupId = SettingChecks.notBlank(groupId, "faultline.analysis.group-id");
        this.lostGrace = Duration.ofMillis(SettingChecks.atLeast(lostGraceMillis, 0,
                "faultline.analysis.lost-grace-millis"));
        this.watchdogInterval = Duration.ofMillis(SettingChecks.atLeast(watchdogIntervalMillis, 1,
                "faultline.analysis.watchdog-interval-millis"));
    }

    public String groupId() {
        return groupId;
    }

    public Duration lostGrace() {
        return lostGrace;
    }

    public Duration watchdogInterval() {
        return watchdogInterval;
    }
}
