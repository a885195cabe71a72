package dev.faultline.safety.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.kit.testing.SettingsBinding;
import dev.faultline.schemas.avro.Environment;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySource.PropertyConvention;
import io.micronaut.inject.qualifiers.Qualifiers;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code faultline.safety.environments.<env>.*} keys, one bean per environment named in them. */
class EnvironmentSettingsTest {

    private static final String STAGING = "faultline.safety.environments.staging.";
    private static final String PRODUCTION = "faultline.safety.environments.production.";

    private static EnvironmentPolicy bind(String name, Map<String, Object> properties) {
        try (ApplicationContext context = SettingsBinding.context(properties)) {
            EnvironmentSettings settings = context.getBean(EnvironmentSettings.class, Qualifiers.byName(name));
            assertThat(settings.environment()).isEqualTo(settings.policy().environment());
            return settings.policy();
        }
    }

    @Test
    void shouldGiveALowerEnvironmentTheWholeTrafficNoApprovalAndTheWholeDay() {
        assertThat(bind("staging", Map.of(STAGING + "allowed-from", "00:00")))
                .isEqualTo(new EnvironmentPolicy(Environment.STAGING, 1.0, false, 1.0, DailyWindow.ALL_DAY, false, null, false));
        assertThat(EnvironmentSettings.unconfigured(Environment.DEVELOPMENT))
                .isEqualTo(new EnvironmentPolicy(Environment.DEVELOPMENT, 1.0, false, 1.0, DailyWindow.ALL_DAY, false, null, false));
    }

    @Test
    void shouldGiveProductionAQuarterOfTheTrafficAnApprovalWeekdayOfficeHoursAndSomeoneOnCallByDefault() {
        EnvironmentPolicy expected = new EnvironmentPolicy(Environment.PRODUCTION, 0.25, true, 1.0,
                DailyWindow.parse("MON-FRI", "09:00", "17:00", ZoneOffset.UTC), true, 0.5, true);

        assertThat(bind("production", Map.of(PRODUCTION + "max-traffic-share", "0.25"))).isEqualTo(expected);
        assertThat(EnvironmentSettings.unconfigured(Environment.PRODUCTION)).isEqualTo(expected);
        assertThat(expected.allowedHours()).hasToString("MON-FRI 09:00–17:00 UTC");
    }

    @Test
    void shouldTakeEveryKeyFromConfiguration() {
        assertThat(bind("production", Map.of(PRODUCTION + "max-traffic-share", "0.1",
                PRODUCTION + "approval-required", false,
                PRODUCTION + "approval-share-above", 0.05,
                PRODUCTION + "allowed-days", "SAT-SUN",
                PRODUCTION + "allowed-from", "22:00",
                PRODUCTION + "allowed-to", "06:00",
                PRODUCTION + "time-zone", "Europe/Paris",
                PRODUCTION + "on-call-required", false,
                PRODUCTION + "blast-budget", 0.3,
                PRODUCTION + "requires-staging-first", false)))
                .isEqualTo(new EnvironmentPolicy(Environment.PRODUCTION, 0.1, false, 0.05,
                        DailyWindow.parse("SAT,SUN", "22:00", "06:00", ZoneId.of("Europe/Paris")), false, 0.3, false));
    }

    @Test
    void shouldTakeTheEnvironmentNameInAnyCase() {
        // Micronaut lower-cases the name, as the hand-read keys were looked up in lower case
        assertThat(bind("production", Map.of("faultline.safety.environments.PRODUCTION.max-traffic-share", 0.2))
                .maxTrafficShare()).isEqualTo(0.2);
    }

    @Test
    void shouldTakeAKeyFromAnEnvironmentVariable() {
        try (ApplicationContext context = ApplicationContext.builder().enableDefaultPropertySources(false)
                .properties(Map.of("kafka.enabled", false, "micronaut.health.monitor.enabled", false))
                .propertySources(PropertySource.of("env",
                        Map.of("FAULTLINE_SAFETY_ENVIRONMENTS_STAGING_APPROVAL_SHARE_ABOVE", "0.5"),
                        PropertyConvention.ENVIRONMENT_VARIABLE))
                .start()) {
            assertThat(context.getBeansOfType(EnvironmentSettings.class)).singleElement()
                    .satisfies(settings -> assertThat(settings.policy()).isEqualTo(new EnvironmentPolicy(
                            Environment.STAGING, 1.0, false, 0.5, DailyWindow.ALL_DAY, false, null, false)));
        }
    }

    @Test
    void shouldRefuseAnEnvironmentThatDoesNotExist() {
        assertThatThrownBy(() -> bind("prod", Map.of("faultline.safety.environments.prod.max-traffic-share", 0.1)))
                .hasStackTraceContaining("faultline.safety.environments.prod: prod is not an environment; expected one"
                        + " of [development, test, staging, production]");
        assertThatThrownBy(() -> bind("unknown", Map.of("faultline.safety.environments.unknown.allowed-from", "09:00")))
                .hasStackTraceContaining("faultline.safety.environments.unknown: unknown is not an environment");
    }

    @Test
    void shouldRefuseABlastBudgetThatIsNotPositive() {
        assertThatThrownBy(() -> bind("production", Map.of(PRODUCTION + "blast-budget", 0)))
                .hasStackTraceContaining(PRODUCTION + "blast-budget must be positive (a sum of traffic shares), was 0.0");
    }

    @Test
    void shouldRefuseAShareOutsideZeroToOne() {
        assertThatThrownBy(() -> bind("production", Map.of(PRODUCTION + "max-traffic-share", 1.5)))
                .hasStackTraceContaining(PRODUCTION + "max-traffic-share must be within 0..1, was 1.5");
        assertThatThrownBy(() -> bind("staging", Map.of(STAGING + "approval-share-above", -0.1)))
                .hasStackTraceContaining(STAGING + "approval-share-above must be within 0..1, was -0.1");
    }

    @Test
    void shouldRefuseATimeThatIsNotHoursAndMinutesOfADay() {
        assertThatThrownBy(() -> bind("staging", Map.of(STAGING + "allowed-from", "25:00")))
                .hasStackTraceContaining(STAGING + "allowed-from must be a time HH:mm within 00:00..24:00, was 25:00");
        assertThatThrownBy(() -> bind("staging", Map.of(STAGING + "allowed-to", "5pm")))
                .hasStackTraceContaining(STAGING + "allowed-to must be a time HH:mm within 00:00..24:00, was 5pm");
        assertThatThrownBy(() -> bind("staging", Map.of(STAGING + "allowed-to", "09:75")))
                .hasStackTraceContaining(STAGING + "allowed-to must be a time HH:mm");
    }

    @Test
    void shouldRefuseDaysAndZonesItCannotRead() {
        assertThatThrownBy(() -> bind("production", Map.of(PRODUCTION + "allowed-days", "MON-FRY")))
                .hasStackTraceContaining(PRODUCTION + "allowed-days: 'FRY' is not a day of the week");
        assertThatThrownBy(() -> bind("production", Map.of(PRODUCTION + "time-zone", "Mars/Olympus")))
                .hasStackTraceContaining(PRODUCTION + "time-zone must be a zone id such as UTC or Europe/Paris, was"
                        + " Mars/Olympus");
    }
}
