package dev.faultline.safety.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.kit.testing.SettingsBinding;
import dev.faultline.safety.calendar.CalendarEntry;
import dev.faultline.safety.calendar.DeploymentCalendar;
import dev.faultline.schemas.avro.CalendarEntryKind;
import dev.faultline.schemas.avro.Environment;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The envelope built from the bound settings, as the service's context builds it. */
class PolicyConfigurationTest {

    private static final EnvironmentPolicy STAGING_DEFAULTS = new EnvironmentPolicy(Environment.STAGING, 1.0,
            false, 1.0, DailyWindow.ALL_DAY, false, null, false);
    private static final DailyWindow OFFICE_HOURS = DailyWindow.parse("MON-FRI", "09:00", "17:00", ZoneOffset.UTC);
    private static final EnvironmentPolicy PRODUCTION_DEFAULTS = new EnvironmentPolicy(Environment.PRODUCTION, 0.25,
            true, 1.0, OFFICE_HOURS, true, 0.5, true);

    private static SafetyPolicy policy(Map<String, Object> properties) {
        try (ApplicationContext context = SettingsBinding.context(properties)) {
            return context.getBean(SafetyPolicy.class);
        }
    }

    private static List<CalendarEntry> freezes(Map<String, Object> properties) {
        try (ApplicationContext context = SettingsBinding.context(properties)) {
            return context.getBean(DeploymentCalendar.class).all();
        }
    }

    @Test
    void shouldGiveEveryEnvironmentButUnknownItsDefaultsWhenNothingIsConfigured() {
        SafetyPolicy policy = policy(Map.of());

        assertThat(policy.approvers()).isEmpty();
        assertThat(policy.environments()).containsOnlyKeys(Environment.DEVELOPMENT, Environment.TEST,
                Environment.STAGING, Environment.PRODUCTION);
        assertThat(policy.policyFor(Environment.STAGING)).contains(STAGING_DEFAULTS);
        assertThat(policy.policyFor(Environment.PRODUCTION)).contains(PRODUCTION_DEFAULTS);
        assertThat(policy.policyFor(Environment.UNKNOWN)).isEmpty();
    }

    @Test
    void shouldReadPoliciesApproversAndDefaults() {
        SafetyPolicy policy = policy(Map.of(
                "faultline.safety.approvers", List.of("bob", "carol"),
                "faultline.safety.environments.staging.approval-share-above", "0.5",
                "faultline.safety.environments.production.allowed-days", "MON-SUN"));

        assertThat(policy.approverList()).containsExactly("bob", "carol");
        assertThat(policy.isApprover("dave")).isFalse();
        assertThat(policy.policyFor(Environment.STAGING)).hasValueSatisfying(p -> {
            assertThat(p.maxTrafficShare()).isEqualTo(1.0);
            assertThat(p.approvalReason(0.5)).isNull();
            assertThat(p.approvalReason(0.6)).contains("above 0.5");
        });
        assertThat(policy.policyFor(Environment.PRODUCTION)).hasValueSatisfying(p -> {
            assertThat(p.maxTrafficShare()).isEqualTo(0.25);
            assertThat(p.approvalReason(0.01)).contains("always requires an approval");
            assertThat(p.allowedHours()).isEqualTo(DailyWindow.parse("MON-SUN", "09:00", "17:00", ZoneOffset.UTC));
        });
        assertThat(policy.policyFor(Environment.TEST)).contains(new EnvironmentPolicy(Environment.TEST, 1.0, false,
                1.0, DailyWindow.ALL_DAY, false, null, false));
        assertThat(policy.policyFor(Environment.UNKNOWN)).isEmpty();
    }

    @Test
    void shouldReadTheDemoEnvelopeOfApplicationYml() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("kafka.enabled", false,
                "micronaut.health.monitor.enabled", false))) {
            SafetyPolicy policy = context.getBean(SafetyPolicy.class);

            // no list: the role approver:<environment> of the token is the rule
            assertThat(policy.approvers()).isEmpty();
            assertThat(policy.isApprover("anyone")).isTrue();
            assertThat(policy.approverList()).containsExactly("the holders of approver:<environment>");
            assertThat(policy.policyFor(Environment.STAGING)).contains(STAGING_DEFAULTS);
            assertThat(policy.policyFor(Environment.PRODUCTION)).contains(new EnvironmentPolicy(
                    Environment.PRODUCTION, 0.25, true, 0.0, OFFICE_HOURS, true, 0.5, true));
            assertThat(context.getBean(DeploymentCalendar.class).all()).isEmpty();
        }
    }

    @Test
    void shouldLetOneOptionReplaceTheApproversOfApplicationYml() {
        // what `faultline stack` passes: -Dfaultline.safety.approvers=bob
        try (ApplicationContext context = ApplicationContext.run(Map.of("kafka.enabled", false,
                "micronaut.health.monitor.enabled", false, "faultline.safety.approvers", "bob"))) {
            assertThat(context.getBean(SafetyPolicy.class).approverList()).containsExactly("bob");
        }
    }

    @Test
    void shouldReadIndexedFreezesGivenAsFlatProperties() {
        List<CalendarEntry> freezes = freezes(Map.of(
                "faultline.safety.freezes[0].environment", "PRODUCTION",
                "faultline.safety.freezes[0].from", "2026-12-24T00:00:00Z",
                "faultline.safety.freezes[0].to", "2026-12-27T00:00:00Z",
                "faultline.safety.freezes[0].reason", "holidays",
                "faultline.safety.freezes[1].from", "2026-12-31T00:00:00Z",
                "faultline.safety.freezes[1].to", "2027-01-01T00:00:00Z"));

        assertThat(freezes).hasSize(2);
        assertThat(freezes.get(0)).isEqualTo(new CalendarEntry("config-0", CalendarEntryKind.FREEZE,
                Environment.PRODUCTION, Set.of(), Instant.parse("2026-12-24T00:00:00Z"),
                Instant.parse("2026-12-27T00:00:00Z"), "holidays", null, "config"));
        assertThat(freezes.get(1).environment()).isNull();
        assertThat(freezes.get(1).title()).isEqualTo("configured freeze");
    }

    @Test
    void shouldReadFreezesGivenAsAList() {
        // the shape of application.yml's commented example
        List<CalendarEntry> freezes = freezes(Map.of("faultline.safety.freezes", List.of(
                Map.of("environment", "production", "services", List.of("storefront"), "from", "2026-12-24T00:00:00Z",
                        "to", "2026-12-27T00:00:00Z", "reason", "holiday freeze"))));

        assertThat(freezes).containsExactly(new CalendarEntry("config-0", CalendarEntryKind.FREEZE,
                Environment.PRODUCTION, Set.of("storefront"), Instant.parse("2026-12-24T00:00:00Z"),
                Instant.parse("2026-12-27T00:00:00Z"), "holiday freeze", null, "config"));
    }

    @Test
    void shouldNotBuildThePolicyOnAnUnknownEnvironment() {
        assertThatThrownBy(() -> policy(Map.of("faultline.safety.environments.prod.max-traffic-share", 0.1)))
                .hasStackTraceContaining("faultline.safety.environments.prod: prod is not an environment");
    }

    @Test
    void shouldNotBuildTheCalendarOnAFreezeThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> freezes(Map.of("faultline.safety.freezes[0].from", "2026-12-27T00:00:00Z",
                "faultline.safety.freezes[0].to", "2026-12-24T00:00:00Z")))
                .hasStackTraceContaining("faultline.safety.freezes[0].to must be after");
    }
}
