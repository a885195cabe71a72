package dev.faultline.safety.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.schemas.avro.CalendarEntryKind;
import dev.faultline.schemas.avro.CheckOutcome;
import dev.faultline.schemas.avro.Environment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CalendarRuleTest {

    private static final Instant NOON = Instant.parse("2026-11-26T12:00:00Z");
    private static final Instant NOON_PLUS = NOON.plusSeconds(90);
    private static final Duration MARGIN = Duration.ofMinutes(30);
    private static final Set<String> STOREFRONT_AND_PRICING = Set.of("storefront", "pricing");

    static CalendarEntry entry(CalendarEntryKind kind, Environment env, Set<String> services, Instant from, Instant to,
                               String title) {
        return new CalendarEntry("e-" + title.hashCode(), kind, env, services, from, to, title, null,
                "deploy-bot:e-" + title.hashCode());
    }

    private static CheckResult check(CalendarEntry... entries) {
        return CalendarRule.check(Environment.STAGING, STOREFRONT_AND_PRICING, NOON, NOON_PLUS, List.of(entries), MARGIN);
    }

    @Test
    void shouldPassWithNothingOnTheCalendar() {
        CheckResult result = check();
        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(result.reason()).isEqualTo("no freeze, maintenance or deployment (± 30 min) on pricing,storefront"
                + " in STAGING during the window");
    }

    @Test
    void shouldBlockOnAFreezeOverlappingTheWindowNamingIt() {
        CalendarEntry freeze = entry(CalendarEntryKind.FREEZE, Environment.STAGING, Set.of(), NOON.plusSeconds(60),
                NOON.plusSeconds(3600), "release 4.2");
        CheckResult result = check(freeze);
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.reason()).contains("freeze 'release 4.2' (deploy-bot:" + freeze.id() + ") from "
                + NOON.plusSeconds(60) + " to " + NOON.plusSeconds(3600));
        assertThat(result.details()).containsEntry("entries", freeze.id());
    }

    @Test
    void shouldBlockOnMaintenanceOfADependency() {
        CheckResult result = check(entry(CalendarEntryKind.MAINTENANCE, Environment.STAGING, Set.of("pricing"),
                NOON.minusSeconds(600), NOON.plusSeconds(600), "pricing db upgrade"));
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.reason()).contains("maintenance 'pricing db upgrade'").contains("on pricing");
    }

    @Test
    void shouldBlockOnADeploymentWithinTheMarginOnEitherSide() {
        CalendarEntry before = entry(CalendarEntryKind.DEPLOYMENT_WINDOW, Environment.STAGING, Set.of("pricing"),
                NOON.minus(Duration.ofMinutes(40)), NOON.minus(Duration.ofMinutes(20)), "pricing 2.3");
        CalendarEntry after = entry(CalendarEntryKind.DEPLOYMENT_WINDOW, Environment.STAGING, Set.of("storefront"),
                NOON_PLUS.plus(Duration.ofMinutes(29)), NOON_PLUS.plus(Duration.ofMinutes(60)), "storefront 7.1");
        assertThat(check(before).reason()).contains("deployment 'pricing 2.3'");
        assertThat(check(after).reason()).contains("deployment 'storefront 7.1'");
        assertThat(check(before, after).details().get("entries")).contains(before.id()).contains(after.id());
    }

    @Test
    void shouldPassADeploymentBeyondTheMargin() {
        CalendarEntry earlier = entry(CalendarEntryKind.DEPLOYMENT_WINDOW, Environment.STAGING, Set.of("pricing"),
                NOON.minus(Duration.ofMinutes(90)), NOON.minus(Duration.ofMinutes(31)), "pricing 2.2");
        CalendarEntry later = entry(CalendarEntryKind.DEPLOYMENT_WINDOW, Environment.STAGING, Set.of(),
                NOON_PLUS.plus(Duration.ofMinutes(31)), NOON_PLUS.plus(Duration.ofMinutes(60)), "all 8.0");
        assertThat(check(earlier, later).outcome()).isEqualTo(CheckOutcome.PASSED);
    }

    @Test
    void shouldIgnoreOtherEnvironmentsServicesTimesAndShifts() {
        assertThat(check(
                entry(CalendarEntryKind.FREEZE, Environment.PRODUCTION, Set.of(), NOON.minusSeconds(60),
                        NOON.plusSeconds(600), "prod"),
                entry(CalendarEntryKind.FREEZE, Environment.STAGING, Set.of("checkout"), NOON.minusSeconds(60),
                        NOON.plusSeconds(600), "checkout"),
                entry(CalendarEntryKind.MAINTENANCE, Environment.STAGING, Set.of(), NOON.minusSeconds(600), NOON,
                        "ended at start"),
                entry(CalendarEntryKind.ON_CALL_SHIFT, Environment.STAGING, Set.of(), NOON.minusSeconds(600),
                        NOON.plusSeconds(600), "shift")).outcome()).isEqualTo(CheckOutcome.PASSED);
    }

    @Test
    void shouldApplyAnEntryWithoutEnvironmentEverywhere() {
        assertThat(check(entry(CalendarEntryKind.FREEZE, null, Set.of("storefront"), NOON.minusSeconds(60),
                NOON.plusSeconds(600), "all")).outcome()).isEqualTo(CheckOutcome.FAILED);
    }

    @Test
    void shouldStopARunOnlyForAFreezeOrMaintenanceInForceNow() {
        CalendarEntry freeze = entry(CalendarEntryKind.FREEZE, Environment.STAGING, Set.of("pricing"), NOON,
                NOON.plusSeconds(600), "freeze");
        CalendarEntry deploy = entry(CalendarEntryKind.DEPLOYMENT_WINDOW, Environment.STAGING, Set.of(), NOON,
                NOON.plusSeconds(600), "deploy");
        List<CalendarEntry> entries = List.of(freeze, deploy);
        assertThat(CalendarRule.stopping(Environment.STAGING, STOREFRONT_AND_PRICING, NOON.minusMillis(1), entries))
                .isEmpty();
        assertThat(CalendarRule.stopping(Environment.STAGING, STOREFRONT_AND_PRICING, NOON, entries))
                .containsExactly(freeze);
    }

    @Test
    void shouldForgetCancelledEntries() {
        DeploymentCalendar calendar = new DeploymentCalendar(List.of());
        CalendarEntry freeze = entry(CalendarEntryKind.FREEZE, Environment.STAGING, Set.of(), NOON, NOON_PLUS, "f");
        calendar.put(freeze);
        assertThat(calendar.all()).containsExactly(freeze);
        calendar.remove(freeze.id());
        assertThat(calendar.all()).isEmpty();
    }
}
