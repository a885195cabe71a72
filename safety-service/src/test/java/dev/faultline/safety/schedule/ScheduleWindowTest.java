package dev.faultline.safety.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.schemas.avro.CheckOutcome;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduleWindowTest {

    private static final Instant TEN = Instant.parse("2026-12-07T10:00:00Z");
    private static final long FIVE_MINUTES = Duration.ofMinutes(5).toMillis();

    @Test
    void shouldGiveAnAtTheStartGracePlusTheRunAndItsSlack() {
        ScheduleWindow window = ScheduleWindow.requested(TEN, null, FIVE_MINUTES, Duration.ofMinutes(15), TEN.minusSeconds(60));

        assertThat(window.end()).isEqualTo(Instant.parse("2026-12-07T10:21:00Z"));
        assertThat(window.latestStart(FIVE_MINUTES)).isEqualTo(Instant.parse("2026-12-07T10:15:00Z"));
    }

    @Test
    void shouldStartAWindowWithNoStartNow() {
        Instant now = Instant.parse("2026-12-05T17:00:00Z");

        assertThat(ScheduleWindow.requested(null, TEN, FIVE_MINUTES, Duration.ZERO, now).start()).isEqualTo(now);
    }

    @Test
    void shouldBeDueFromItsStartAndEndedOnceTheRunCanNoLongerFit() {
        ScheduleWindow window = new ScheduleWindow(TEN, TEN.plus(Duration.ofMinutes(30)));

        assertThat(window.started(TEN.minusMillis(1))).isFalse();
        assertThat(window.started(TEN)).isTrue();
        assertThat(window.ended(Instant.parse("2026-12-07T10:24:00Z"), FIVE_MINUTES)).isFalse();
        assertThat(window.ended(Instant.parse("2026-12-07T10:24:00.001Z"), FIVE_MINUTES)).isTrue();
    }

    @Test
    void shouldNotFitARunLongerThanTheWindow() {
        ScheduleWindow window = new ScheduleWindow(TEN, TEN.plus(Duration.ofMinutes(5)));

        assertThat(window.fits(FIVE_MINUTES)).isFalse();
        assertThat(window.fits(Duration.ofMinutes(4).toMillis())).isTrue();
    }

    @Test
    void shouldRefuseAWindowThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> new ScheduleWindow(TEN, TEN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ends after it starts");
    }

    @Test
    void shouldCheckThatARunStartsWithinItsWindow() {
        ScheduleWindow window = new ScheduleWindow(TEN, TEN.plus(Duration.ofMinutes(30)));

        CheckResult early = ScheduleWindowRule.check(window, FIVE_MINUTES, TEN.minusSeconds(1));
        CheckResult inside = ScheduleWindowRule.check(window, FIVE_MINUTES, TEN.plusSeconds(1));
        CheckResult late = ScheduleWindowRule.check(window, FIVE_MINUTES, TEN.plus(Duration.ofMinutes(25)));

        assertThat(early.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(early.reason()).contains("has not started");
        assertThat(inside.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(inside.details()).containsEntry("latestStart", "2026-12-07T10:24:00Z");
        assertThat(late.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(late.reason()).contains("ended without a passing preflight").contains("start by 2026-12-07T10:24:00Z");
    }

    @Test
    void shouldFailAWindowTooShortForTheRunWhateverTheTime() {
        ScheduleWindow window = new ScheduleWindow(TEN, TEN.plus(Duration.ofMinutes(5)));

        CheckResult beforeItsStart = ScheduleWindowRule.check(window, FIVE_MINUTES, TEN.minusSeconds(60));

        assertThat(beforeItsStart.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(beforeItsStart.reason()).contains("cannot hold a run of 300 s plus 60 s to stop it");
    }
}
