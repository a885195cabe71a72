package dev.faultline.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.kit.testing.SettingsBinding;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code faultline.analysis.*} keys, bound the way the service binds them. */
class AnalysisSettingsTest {

    @Test
    void shouldDefaultToTheServiceNameFifteenSecondsGraceAndASecondInterval() {
        try (ApplicationContext context = SettingsBinding.context(Map.of())) {
            AnalysisSettings settings = context.getBean(AnalysisSettings.class);

            assertThat(settings.groupId()).isEqualTo("analysis-service");
            assertThat(settings.lostGrace()).isEqualTo(Duration.ofMillis(15_000));
            assertThat(settings.watchdogInterval()).isEqualTo(Duration.ofMillis(1000));
            assertThat(settings.confidenceLevel()).isEqualTo(0.95);
            assertThat(listenerGroup(context)).isEqualTo(settings.groupId());
        }
    }

    @Test
    void shouldTakeEveryKeyFromConfiguration() {
        try (ApplicationContext context = SettingsBinding.context(Map.of("faultline.analysis.group-id", "analysis-it-1",
                "faultline.analysis.lost-grace-millis", 500, "faultline.analysis.watchdog-interval-millis", 200,
                "faultline.analysis.confidence-level", 0.99))) {
            AnalysisSettings settings = context.getBean(AnalysisSettings.class);

            assertThat(settings.groupId()).isEqualTo("analysis-it-1");
            assertThat(settings.lostGrace()).isEqualTo(Duration.ofMillis(500));
            assertThat(settings.watchdogInterval()).isEqualTo(Duration.ofMillis(200));
            assertThat(settings.confidenceLevel()).isEqualTo(0.99);
            assertThat(listenerGroup(context)).isEqualTo("analysis-it-1");
        }
    }

    @Test
    void shouldRefuseAnIntervalTheWatchdogCouldNotBeScheduledWith() {
        try (ApplicationContext context = SettingsBinding.context(Map.of("faultline.analysis.watchdog-interval-millis", 0))) {
            assertThatThrownBy(() -> context.getBean(AnalysisSettings.class))
                    .hasStackTraceContaining("faultline.analysis.watchdog-interval-millis must be at least 1, was 0");
        }
    }

    @Test
    void shouldRefuseAConfidenceLevelOutsideItsRange() {
        for (double level : new double[] {0.4, 1.0}) {
            try (ApplicationContext context = SettingsBinding.context(Map.of("faultline.analysis.confidence-level", level))) {
                assertThatThrownBy(() -> context.getBean(AnalysisSettings.class))
                        .hasStackTraceContaining("faultline.analysis.confidence-level must be in [0.5, 0.999], was " + level);
            }
        }
    }

    /** The group the listener's annotation resolves to: the backlog must be measured for that same group. */
    private static String listenerGroup(ApplicationContext context) {
        return context.getEnvironment().getPlaceholderResolver().resolveRequiredPlaceholders(AnalysisListener.GROUP);
    }
}
