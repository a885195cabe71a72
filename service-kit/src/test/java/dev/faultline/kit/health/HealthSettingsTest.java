package dev.faultline.kit.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.kit.testing.SettingsBinding;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code faultline.health.*} keys, bound the way a service binds them. */
class HealthSettingsTest {

    @Test
    void shouldDefaultToTwoSecondsAndOneSecond() {
        HealthSettings settings = SettingsBinding.bind(HealthSettings.class, Map.of());

        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.cacheFor()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void shouldTakeDurationsFromConfiguration() {
        HealthSettings settings = SettingsBinding.bind(HealthSettings.class,
                Map.of("faultline.health.timeout", "500ms", "faultline.health.cache-for", "0s"));

        assertThat(settings.timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.cacheFor()).isZero();
    }

    @Test
    void shouldRefuseATimeoutThatWouldMakeEveryDependencyDown() {
        assertThatThrownBy(() -> SettingsBinding.bind(HealthSettings.class, Map.of("faultline.health.timeout", "0s")))
                .hasStackTraceContaining("faultline.health.timeout must be positive");
    }
}
