package dev.faultline.safety.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.safety.policy.DailyWindow;
import dev.faultline.safety.policy.EnvironmentPolicy;
import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.safety.support.Plans;
import dev.faultline.safety.support.Policies;
import dev.faultline.schemas.avro.CheckOutcome;
import dev.faultline.schemas.avro.Environment;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeWindowRuleTest {

    /** A Thursday. */
    private static final Instant NOON = Instant.parse("2026-11-26T12:00:00Z");
    private static final Instant NOON_PLUS = NOON.plusSeconds(90);

    @Test
    void shouldPassInsideAllowedHours() {
        CheckResult result = TimeWindowRule.check(Plans.production(0.1), NOON, NOON_PLUS,
                Optional.of(Policies.PRODUCTION));
        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(result.reason()).isEqualTo("within PRODUCTION's allowed hours MON-FRI 09:00–17:00 UTC");
    }

    @Test
    void shouldFailWhenTheWindowEndsAfterTheAllowedHours() {
        Instant evening = Instant.parse("2026-11-26T16:59:30Z");
        CheckResult result = TimeWindowRule.check(Plans.production(0.1), evening, evening.plusSeconds(90),
                Optional.of(Policies.PRODUCTION));
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.reason()).isEqualTo("the window 2026-11-26T16:59:30Z – 2026-11-26T17:01:00Z is outside"
                + " PRODUCTION's allowed hours MON-FRI 09:00–17:00 UTC");
    }

    @Test
    void shouldFailOnADayThatIsNotAllowed() {
        Instant saturdayNoon = Instant.parse("2026-11-28T12:00:00Z");
        assertThat(TimeWindowRule.check(Plans.production(0.1), saturdayNoon, saturdayNoon.plusSeconds(90),
                Optional.of(Policies.PRODUCTION)).outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(TimeWindowRule.check(Plans.staging(1.0), saturdayNoon, saturdayNoon.plusSeconds(90),
                Optional.of(Policies.STAGING)).outcome()).isEqualTo(CheckOutcome.PASSED);
    }

    @Test
    void shouldReadTheHoursInTheEnvironmentsZone() {
        // 12:00 UTC is 21:00 in Tokyo: outside Tokyo's office hours
        EnvironmentPolicy tokyo = new EnvironmentPolicy(Environment.PRODUCTION, 0.25, true, 0.0,
                DailyWindow.parse("MON-FRI", "09:00", "17:00", ZoneId.of("Asia/Tokyo")), true, 0.5, true);
        CheckResult result = TimeWindowRule.check(Plans.production(0.1), NOON, NOON_PLUS, Optional.of(tokyo));
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.reason()).contains("MON-FRI 09:00–17:00 Asia/Tokyo");
        Instant tokyoMorning = Instant.parse("2026-11-26T01:00:00Z");
        assertThat(TimeWindowRule.check(Plans.production(0.1), tokyoMorning, tokyoMorning.plusSeconds(90),
                Optional.of(tokyo)).outcome()).isEqualTo(CheckOutcome.PASSED);
    }

    @Test
    void shouldFailForAnEnvironmentWithoutPolicy() {
        assertThat(TimeWindowRule.check(Plans.staging(1.0), NOON, NOON_PLUS, Optional.empty()).reason())
                .isEqualTo("environment STAGING has no allowed hours");
    }
}
