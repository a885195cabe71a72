package dev.faultline.safety.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.kit.testing.SettingsBinding;
import dev.faultline.safety.staging.StagingFirstSettings;
import dev.faultline.schemas.avro.RiskLevel;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code faultline.safety.approvals.*} and {@code faultline.safety.staging-first.*} keys. */
class ApprovalSettingsTest {

    @Test
    void shouldAskTwoApproversForHighRiskAndLetApprovalsLastADayByDefault() {
        ApprovalSettings settings = SettingsBinding.bind(ApprovalSettings.class, Map.of());

        assertThat(settings.requiredFor(RiskLevel.HIGH)).isEqualTo(2);
        assertThat(settings.requiredFor(RiskLevel.MEDIUM)).isZero();
        assertThat(settings.requiredFor(RiskLevel.UNKNOWN)).isZero();
        assertThat(settings.validFor()).isEqualTo(Duration.ofHours(24));
        assertThat(SettingsBinding.bind(StagingFirstSettings.class, Map.of()).maxAge()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void shouldTakeTheCountsPerRiskLevelInAnyCaseAndTheValidity() {
        ApprovalSettings settings = SettingsBinding.bind(ApprovalSettings.class, Map.of(
                "faultline.safety.approvals.required.MEDIUM", 1, "faultline.safety.approvals.required.high", 3,
                "faultline.safety.approvals.valid-for", "2h"));

        assertThat(settings.requiredFor(RiskLevel.MEDIUM)).isEqualTo(1);
        assertThat(settings.requiredFor(RiskLevel.HIGH)).isEqualTo(3);
        assertThat(settings.validFor()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void shouldRefuseAnUnknownRiskLevelAndANegativeCount() {
        assertThatThrownBy(() -> SettingsBinding.bind(ApprovalSettings.class,
                Map.of("faultline.safety.approvals.required.severe", 2)))
                .hasStackTraceContaining("faultline.safety.approvals.required.severe: severe is not a risk level;"
                        + " expected one of [unknown, low, medium, high]");
        assertThatThrownBy(() -> SettingsBinding.bind(ApprovalSettings.class,
                Map.of("faultline.safety.approvals.required.high", -1)))
                .hasStackTraceContaining("faultline.safety.approvals.required.high must be 0 or more approvers, was -1");
    }
}
