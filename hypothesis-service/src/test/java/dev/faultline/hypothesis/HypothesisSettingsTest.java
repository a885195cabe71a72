package dev.faultline.hypothesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.hypothesis.lint.PhaseLengths;
import dev.faultline.kit.testing.SettingsBinding;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The faultline.hypothesis keys and defaults are a contract with operators' configuration files. */
class HypothesisSettingsTest {

    @Test
    void shouldBindTheDefaults() {
        HypothesisSettings settings = SettingsBinding.bind(HypothesisSettings.class, Map.of());

        assertThat(settings.groupId()).isEqualTo("hypothesis-service");
        assertThat(settings.defaultDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.maxDuration()).isEqualTo(Duration.ofSeconds(600));
        assertThat(settings.phases()).as("the injector's defaults").isEqualTo(new PhaseLengths(5000, 3000));
    }

    @Test
    void shouldBindOverrides() {
        HypothesisSettings settings = SettingsBinding.bind(HypothesisSettings.class, Map.of(
                "faultline.hypothesis.group-id", "hypothesis-eu", "faultline.hypothesis.default-duration-seconds", 45,
                "faultline.hypothesis.max-duration-seconds", 120, "faultline.hypothesis.injector-before-millis", 1000,
                "faultline.hypothesis.injector-after-millis", 500));

        assertThat(settings.groupId()).isEqualTo("hypothesis-eu");
        assertThat(settings.defaultDuration()).isEqualTo(Duration.ofSeconds(45));
        assertThat(settings.maxDuration()).isEqualTo(Duration.ofSeconds(120));
        assertThat(settings.phases()).isEqualTo(new PhaseLengths(1000, 500));
    }

    @Test
    void shouldRefuseADefaultLongerThanTheMaximumNamingBothKeys() {
        assertThatThrownBy(() -> SettingsBinding.bind(HypothesisSettings.class, Map.of(
                "faultline.hypothesis.default-duration-seconds", 900)))
                .hasStackTraceContaining("faultline.hypothesis.default-duration-seconds (900) must not exceed "
                        + "faultline.hypothesis.max-duration-seconds (600)");
    }
}
