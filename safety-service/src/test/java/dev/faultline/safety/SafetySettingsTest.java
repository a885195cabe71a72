package dev.faultline.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.kit.testing.SettingsBinding;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySource.PropertyConvention;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code faultline.safety.*} keys of {@link SafetySettings}, bound the way the service binds them. */
class SafetySettingsTest {

    @Test
    void shouldDefaultToTheServiceNameTenMinutesAndNoApprover() {
        try (ApplicationContext context = SettingsBinding.context(Map.of())) {
            SafetySettings settings = context.getBean(SafetySettings.class);

            assertThat(settings.groupId()).isEqualTo("safety-service");
            assertThat(settings.clearanceTtl()).isEqualTo(Duration.ofMinutes(10));
            assertThat(settings.approvers()).isEmpty();
            assertThat(group(context, PlanListener.GROUP)).isEqualTo(settings.groupId());
        }
    }

    @Test
    void shouldTakeEveryKeyFromConfiguration() {
        try (ApplicationContext context = SettingsBinding.context(Map.of("faultline.safety.group-id", "safety-it-1",
                "faultline.safety.clearance-ttl", "90s", "faultline.safety.approvers", "bob,carol"))) {
            SafetySettings settings = context.getBean(SafetySettings.class);

            assertThat(settings.groupId()).isEqualTo("safety-it-1");
            assertThat(settings.clearanceTtl()).isEqualTo(Duration.ofSeconds(90));
            assertThat(settings.approvers()).containsExactly("bob", "carol");
            // the listeners' annotations keep their placeholders: they must name the same groups
            assertThat(group(context, PlanListener.GROUP)).isEqualTo("safety-it-1");
            assertThat(group(context, "${faultline.safety.group-id:safety-service}-state"))
                    .isEqualTo("safety-it-1-state");
        }
    }

    @Test
    void shouldReadTheApproversAsAList() {
        assertThat(SettingsBinding.bind(SafetySettings.class, Map.of("faultline.safety.approvers",
                List.of("bob", "carol"))).approvers()).containsExactly("bob", "carol");
    }

    @Test
    void shouldReadTheApproversFromAnEnvironmentVariable() {
        try (ApplicationContext context = ApplicationContext.builder().enableDefaultPropertySources(false)
                .properties(Map.of("kafka.enabled", false, "micronaut.health.monitor.enabled", false))
                .propertySources(PropertySource.of("env", Map.of("FAULTLINE_SAFETY_APPROVERS", "bob,carol",
                        "FAULTLINE_SAFETY_CLEARANCE_TTL", "5m"), PropertyConvention.ENVIRONMENT_VARIABLE))
                .start()) {
            SafetySettings settings = context.getBean(SafetySettings.class);

            assertThat(settings.approvers()).containsExactly("bob", "carol");
            assertThat(settings.clearanceTtl()).isEqualTo(Duration.ofMinutes(5));
        }
    }

    @Test
    void shouldRefuseAClearanceThatWouldExpireWhenIssued() {
        assertThatThrownBy(() -> SettingsBinding.bind(SafetySettings.class,
                Map.of("faultline.safety.clearance-ttl", "0s")))
                .hasStackTraceContaining("faultline.safety.clearance-ttl must be positive, was PT0S");
    }

    private static String group(ApplicationContext context, String placeholder) {
        return context.getEnvironment().getPlaceholderResolver().resolveRequiredPlaceholders(placeholder);
    }
}
