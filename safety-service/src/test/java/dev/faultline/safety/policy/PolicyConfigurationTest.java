package dev.faultline.safety.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.safety.calendar.Freeze;
import dev.faultline.schemas.avro.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySourcePropertyResolver;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyConfigurationTest {

    @Test
    void shouldReadPoliciesApproversAndDefaults() {
        PropertySourcePropertyResolver config = new PropertySourcePropertyResolver(PropertySource.of(Map.of(
                "faultline.safety.approvers", List.of("bob", "carol"),
                "faultline.safety.environments.staging.approval-share-above", "0.5",
                "faultline.safety.environments.production.allowed-from", "09:00",
                "faultline.safety.environments.production.allowed-to", "17:00")));
        SafetyPolicy policy = PolicyConfiguration.policy(config);
        assertThat(policy.approverList()).containsExactly("bob", "carol");
        assertThat(policy.policyFor(Environment.STAGING)).hasValueSatisfying(p -> {
            assertThat(p.maxTrafficShare()).isEqualTo(1.0);
            assertThat(p.approvalReason(0.5)).isNull();
            assertThat(p.approvalReason(0.6)).contains("above 0.5");
        });
        assertThat(policy.policyFor(Environment.PRODUCTION)).hasValueSatisfying(p -> {
            assertThat(p.maxTrafficShare()).isEqualTo(0.25);
            assertThat(p.approvalReason(0.01)).contains("always requires an approval");
            assertThat(p.allowedHours()).isEqualTo(DailyWindow.parse("09:00", "17:00"));
        });
        assertThat(policy.policyFor(Environment.UNKNOWN)).isEmpty();
    }

    @Test
    void shouldReadIndexedFreezes() {
        PropertySourcePropertyResolver config = new PropertySourcePropertyResolver(PropertySource.of(Map.of(
                "faultline.safety.freezes[0].environment", "PRODUCTION",
                "faultline.safety.freezes[0].from", "2026-12-24T00:00:00Z",
                "faultline.safety.freezes[0].to", "2026-12-27T00:00:00Z",
                "faultline.safety.freezes[0].reason", "holidays",
                "faultline.safety.freezes[1].from", "2026-12-31T00:00:00Z",
                "faultline.safety.freezes[1].to", "2027-01-01T00:00:00Z")));
        List<Freeze> freezes = PolicyConfiguration.freezes(config);
        assertThat(freezes).hasSize(2);
        assertThat(freezes.get(0)).isEqualTo(new Freeze(Environment.PRODUCTION, java.util.Set.of(),
                Instant.parse("2026-12-24T00:00:00Z"), Instant.parse("2026-12-27T00:00:00Z"), "holidays", "config"));
        assertThat(freezes.get(1).environment()).isNull();
        assertThat(freezes.get(1).reason()).isEqualTo("configured freeze");
    }
}
