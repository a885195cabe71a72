package dev.faultline.hypothesis;

import dev.faultline.hypothesis.lint.PhaseLengths;
import dev.faultline.kit.SettingChecks;
import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * hypothesis-service's settings:
 * <ul>
 *   <li>{@code faultline.hypothesis.group-id} (default {@code hypothesis-service}): the consumer group of the
 *       experiment listener, whose committed offsets also tell where its catch-up starts;</li>
 *   <li>{@code faultline.hypothesis.default-duration-seconds} (default 30): the fault's duration when a proposal
 *       names none;</li>
 *   <li>{@code faultline.hypothesis.max-duration-seconds} (default 600): longer hypotheses fail lint
 *       (NO_DURATION);</li>
 *   <li>{@code faultline.hypothesis.injector-before-millis} / {@code injector-after-millis} (default 5000 / 3000):
 *       how long the injector's BEFORE and AFTER phases last — <b>must match</b> injector-service's
 *       {@code faultline.injector.before-millis} / {@code after-millis}; lint counts the samples a BEFORE or AFTER
 *       prediction can get with them (INSUFFICIENT_SAMPLES).</li>
 * </ul>
 */
@ConfigurationProperties("faultline.hypothesis")
public final class HypothesisSettings {

    private final String groupId;
    private final Duration defaultDuration;
    private final Duration maxDuration;
    private final PhaseLengths phases;

    @ConfigurationInject
    public HypothesisSettings(@Bindable(defaultValue = "hypothesis-service") String groupId,
                              @Bindable(defaultValue = "30") long defaultDurationSeconds,
                              @Bindable(defaultValue = "600") long maxDurationSeconds,
                              @Bindable(defaultValue = "5000") long injectorBeforeMillis,
                              @Bindable(defaultValue = "3000") long injectorAfterMillis) {
        this.phases = new PhaseLengths(
                SettingChecks.atLeast(injectorBeforeMillis, 0, "faultline.hypothesis.injector-before-millis"),
                SettingChecks.atLeast(injectorAfterMillis, 0, "faultline.hypothesis.injector-after-millis"));
        this.groupId = SettingChecks.notBlank(groupId, "faultline.hypothesis.group-id");
        this.maxDuration = Duration.ofSeconds(SettingChecks.atLeast(maxDurationSeconds, 1,
                "faultline.hypothesis.max-duration-seconds"));
        this.defaultDuration = Duration.ofSeconds(SettingChecks.atLeast(defaultDurationSeconds, 1,
                "faultline.hypothesis.default-duration-seconds"));
        if (defaultDuration.compareTo(maxDuration) > 0) {
            throw new IllegalArgumentException("faultline.hypothesis.default-duration-seconds (" + defaultDurationSeconds
                    + ") must not exceed faultline.hypothesis.max-duration-seconds (" + maxDurationSeconds + ")");
        }
    }

    public String groupId() {
        return groupId;
    }

    public Duration defaultDuration() {
        return defaultDuration;
    }

    public Duration maxDuration() {
        return maxDuration;
    }

    /** The injector's phase lengths, as configured here. */
    public PhaseLengths phases() {
        return phases;
    }
}
