package dev.faultline.safety.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.safety.support.Plans;
import dev.faultline.safety.support.Policies;
import dev.faultline.schemas.avro.CheckOutcome;
import dev.faultline.schemas.avro.Environment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimeWindowRuleTest {

    private static final Instant NOON = Instant.parse("2026-11-26T12:00:00Z");
    private static final Instant NOON_PLUS = NOON.plusSeconds(90);

    @Test
    void shouldPassInsideAllowedHoursWithoutFreeze() {
        CheckResult result = TimeWindowRule.check(Plans.staging(1.0), NOON, NOON_PLUS, Optional.of(Policies.STAGING), List.of());
        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASSED);
    }

    @Test
    void shouldFailOutsideAllowedHours() {
        Instant evening = Instant.parse("2026-11-26T16:59:30Z");
        CheckResult result = TimeWindowRule.check(Plans.production(0.1), evening, evening.plusSeconds(90),
                Optional.of(Policies.PRODUCTION), List.of());
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.reason()).contains("outside PRODUCTION's allowed hours 09:00–17:00 UTC");
    }

    @Test
    void shouldFailWhenAFreezeOverlapsTheWindow() {
        Freeze freeze = new Freeze(Environment.STAGING, Set.of(), NOON.plusSeconds(60), NOON.plusSeconds(3600),
                "release 4.2", "calendar:deploy-42");
        CheckResult result = TimeWindowRule.check(Plans.staging(1.0), NOON, NOON_PLUS, Optional.of(Policies.STAGING),
                List.of(freeze));
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.reason()).contains("freeze 'release 4.2' (calendar:deploy-42)");
    }

    @Test
    void shouldIgnoreFreezesOfOtherEnvironmentsServicesOrTimes() {
        List<Freeze> freezes = List.of(
                new Freeze(Environment.PRODUCTION, Set.of(), NOON.minusSeconds(60), NOON.plusSeconds(600), "prod", "config"),
                new Freeze(Environment.STAGING, Set.of("checkout"), NOON.minusSeconds(60), NOON.plusSeconds(600), "checkout", "config"),
                new Freeze(Environment.STAGING, Set.of(), NOON.minusSeconds(600), NOON, "ended at start", "config"));
        assertThat(TimeWindowRule.check(Plans.staging(1.0), NOON, NOON_PLUS, Optional.of(Policies.STAGING), freezes)
                .outcome()).isEqualTo(CheckOutcome.PASSED);
    }

    @Test
    void shouldApplyAFreezeWithoutEnvironmentEverywhere() {
        Freeze everywhere = new Freeze(null, Set.of("storefront"), NOON.minusSeconds(60), NOON.plusSeconds(600), "all", "config");
        assertThat(TimeWindowRule.check(Plans.staging(1.0), NOON, NOON_PLUS, Optional.of(Policies.STAGING),
                List.of(everywhere)).outcome()).isEqualTo(CheckOutcome.FAILED);
    }

    @Test
    void shouldForgetCancelledCalendarFreezes() {
        FreezeCalendar calendar = new FreezeCalendar(List.of());
        calendar.put("e1", new Freeze(Environment.STAGING, Set.of(), NOON, NOON_PLUS, "f", "calendar:e1"));
        assertThat(calendar.all()).hasSize(1);
        calendar.remove("e1");
        assertThat(calendar.all()).isEmpty();
    }
}
