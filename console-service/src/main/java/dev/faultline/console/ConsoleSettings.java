package dev.faultline.console;

import dev.faultline.kit.SettingChecks;
import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * console-service's settings:
 * <ul>
 *   <li>{@code faultline.console.lookback-millis} (default 900000, 15 min): how far back the live feed starts reading
 *       the topics, so that a run which began before the console still shows its evidence so far (longer than the
 *       longest run the plans allow);</li>
 *   <li>{@code faultline.console.max-samples-per-experiment} (default 20000): the live view keeps at most this many
 *       samples of one experiment, dropping the oldest batches first;</li>
 *   <li>{@code faultline.console.keep-finished-millis} (default 600000, 10 min): how long a finished run's live view
 *       is kept (its verdict page reads the record from analysis-service).</li>
 * </ul>
 * The services it forwards to are the shared {@code faultline.services.*-url} settings.
 */
@ConfigurationProperties("faultline.console")
public final class ConsoleSettings {

    private final Duration lookback;
    private final int maxSamplesPerExperiment;
    private final Duration keepFinished;

    @ConfigurationInject
    public ConsoleSettings(@Bindable(defaultValue = "900000") long lookbackMillis,
                           @Bindable(defaultValue = "20000") int maxSamplesPerExperiment,
                           @Bindable(defaultValue = "600000") long keepFinishedMillis) {
        this.lookback = Duration.ofMillis(SettingChecks.atLeast(lookbackMillis, 0, "faultline.console.lookback-millis"));
        this.maxSamplesPerExperiment = (int) SettingChecks.atLeast(maxSamplesPerExperiment, 1,
                "faultline.console.max-samples-per-experiment");
        this.keepFinished = Duration.ofMillis(SettingChecks.atLeast(keepFinishedMillis, 1,
                "faultline.console.keep-finished-millis"));
    }

    public Duration lookback() {
        return lookback;
    }

    public int maxSamplesPerExperiment() {
        return maxSamplesPerExperiment;
    }

    public Duration keepFinished() {
        return keepFinished;
    }
}
