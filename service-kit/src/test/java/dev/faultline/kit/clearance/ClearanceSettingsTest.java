package dev.faultline.kit.clearance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.kit.testing.SettingsBinding;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code faultline.clearance.secret}: required, with no default, and never shown. */
class ClearanceSettingsTest {

    @Test
    void shouldTakeTheSecretFromConfiguration() {
        ClearanceSettings settings = SettingsBinding.bind(ClearanceSettings.class,
                Map.of("faultline.clearance.secret", "faultline-demo-clearance-secret"));

        assertThat(settings.secret()).isEqualTo("faultline-demo-clearance-secret");
        assertThat(settings.toString()).doesNotContain("faultline-demo-clearance-secret");
    }

    @Test
    void shouldRefuseToStartWithoutASecretOrWithAShortOne() {
        assertThatThrownBy(() -> SettingsBinding.bind(ClearanceSettings.class, Map.of()))
                .hasStackTraceContaining("faultline.clearance.secret must be set to at least 16 characters");
        assertThatThrownBy(() -> SettingsBinding.bind(ClearanceSettings.class,
                Map.of("faultline.clearance.secret", "short")))
                .hasStackTraceContaining("faultline.clearance.secret must be set to at least 16 characters");
    }

    @Test
    void shouldLeaveTheSignerUnmadeWithoutASecret() {
        assertThatThrownBy(() -> SettingsBinding.bind(ClearanceSigner.class, Map.of()))
                .hasStackTraceContaining("faultline.clearance.secret must be set");
    }
}
