package dev.faultline.analysis;

import dev.faultline.evaluation.stats.ConfidenceLevel;
import dev.faultline.kit.SettingChecks;
import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * analysis-service's settings:
 * <ul>
 *   <li>{@code faultline.analysis.group-id} (default {@code analysis-service}): the consumer group of
 *       {@link AnalysisListener}, whose committed offsets also tell the start-up backlog; the follow-up queue's
 *       listener uses {@code <group-id>-followups};</li>
 *   <li>{@code faultline.analysis.lost-grace-millis} (default 15000): an injection with no stop by its deadline plus
 *       this grace is judged lost (ABORTED, LOST);</li>
 *   <li>{@code faultline.analysis.watchdog-interval-millis} (default 1000): how often the lost-injector watchdog
 *       looks;</li>
 *   <li>{@code faultline.analysis.start-within-millis} (default 90000): a clearance whose injection is neither
 *       started nor refused this long after it was issued (plus the lost grace) ends ABORTED: no injector took it.
 *       The injector refuses clearances older than its max-clearance-age (60 s) after waiting up to its plan-wait
 *       (15 s), so the default leaves a working injector time to answer.</li>
 *   <li>{@code faultline.analysis.confidence-level} (default 0.95, in [0.5, 0.999]): the level of every prediction's
 *       confidence interval; a prediction is HELD or NOT_HELD only when its interval lies on one side of the
 *       threshold. Each result records the level, so that a recompute or a replay uses the level it was judged at.
 *       A higher level asks for more samples before anything is decided.</li>
 * </ul>
 * {@code faultline.analysis.enabled: false} leaves the listener out (a context for the HTTP side alone).
 */
@ConfigurationProperties("faultline.analysis")
public final class AnalysisSettings {

    private final String groupId;
    private final Duration lostGrace;
    private final Duration watchdogInterval;
    private final Duration startWithin;
    private final double confidenceLevel;

    @ConfigurationInject
    public AnalysisSettings(@Bindable(defaultValue = "analysis-service") String groupId,
                            @Bindable(defaultValue = "15000") long lostGraceMillis,
                            @Bindable(defaultValue = "1000") long watchdogIntervalMillis,
                            @Bindable(defaultValue = "90000") long startWithinMillis,
                            @Bindable(defaultValue = "0.95") double confidenceLevel) {
        this.groupId = SettingChecks.notBlank(groupId, "faultline.analysis.group-id");
        this.lostGrace = Duration.ofMillis(SettingChecks.atLeast(lostGraceMillis, 0,
                "faultline.analysis.lost-grace-millis"));
        this.watchdogInterval = Duration.ofMillis(SettingChecks.atLeast(watchdogIntervalMillis, 1,
                "faultline.analysis.watchdog-interval-millis"));
        this.startWithin = Duration.ofMillis(SettingChecks.atLeast(startWithinMillis, 0,
                "faultline.analysis.start-within-millis"));
        this.confidenceLevel = ConfidenceLevel.check(confidenceLevel, "faultline.analysis.confidence-level");
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

    public Duration startWithin() {
        return startWithin;
    }

    public double confidenceLevel() {
        return confidenceLevel;
    }
}
