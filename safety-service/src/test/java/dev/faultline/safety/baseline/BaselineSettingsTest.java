package dev.faultline.safety.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.kit.testing.SettingsBinding;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code faultline.safety.baseline.*} keys. */
class BaselineSettingsTest {

    private static BaselineSettings bind(Map<String, Object> properties) {
        return SettingsBinding.bind(BaselineSettings.class, properties);
    }

    @Test
    void shouldDefaultToTenSamplesTwentyMillisApartOfWhichFivePercentMayFail() {
        BaselineSettings settings = bind(Map.of());

        assertThat(settings.samples()).isEqualTo(10);
        assertThat(settings.pause()).isEqualTo(Duration.ofMillis(20));
        assertThat(settings.maxErrorRate()).isEqualTo(0.05);
    }

    @Test
    void shouldTakeEveryKeyFromConfiguration() {
        BaselineSettings settings = bind(Map.of("faultline.safety.baseline.samples", 3,
                "faultline.safety.baseline.pause-millis", "0", "faultline.safety.baseline.max-error-rate", "0.2"));

        assertThat(settings.samples()).isEqualTo(3);
        assertThat(settings.pause()).isZero();
        assertThat(settings.maxErrorRate()).isEqualTo(0.2);
    }

    @Test
    void shouldRefuseAMeasurementWithoutASample() {
        assertThatThrownBy(() -> bind(Map.of("faultline.safety.baseline.samples", 0)))
                .hasStackTraceContaining("faultline.safety.baseline.samples must be at least 1, was 0");
    }

    @Test
    void shouldRefuseAnErrorLimitThatWouldPassATargetFailingEveryRequest() {
        assertThatThrownBy(() -> bind(Map.of("faultline.safety.baseline.max-error-rate", "1")))
                .hasStackTraceContaining("faultline.safety.baseline.max-error-rate must be in [0, 1), was 1.0");
    }
}
