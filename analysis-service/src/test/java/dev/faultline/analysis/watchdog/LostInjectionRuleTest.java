package dev.faultline.analysis.watchdog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An injector is lost only past deadline + grace, with no stop and no verdict recorded. */
class LostInjectionRuleTest {

    static final Instant DEADLINE = Instant.parse("2026-11-26T12:00:30Z");
    static final LostInjectionRule RULE = new LostInjectionRule(Duration.ofSeconds(15));

    @Test
    void shouldNotBeLostBeforeTheDeadlinePlusGrace() {
        assertThat(RULE.isLost(DEADLINE, false, false, DEADLINE.minusSeconds(1))).isFalse();
        assertThat(RULE.isLost(DEADLINE, false, false, DEADLINE.plusSeconds(14))).isFalse();
        assertThat(RULE.isLost(DEADLINE, false, false, DEADLINE.plusSeconds(15))).isFalse();
    }

    @Test
    void shouldBeLostJustAfterTheDeadlinePlusGrace() {
        assertThat(RULE.isLost(DEADLINE, false, false, DEADLINE.plusSeconds(15).plusMillis(1))).isTrue();
    }

    @Test
    void shouldNeverBeLostOnceStoppedOrJudged() {
        Instant late = DEADLINE.plusSeconds(600);
        assertThat(RULE.isLost(DEADLINE, true, false, late)).isFalse();
        assertThat(RULE.isLost(DEADLINE, false, true, late)).isFalse();
    }

    @Test
    void shouldAllowNoGraceButNotANegativeOne() {
        assertThat(new LostInjectionRule(Duration.ZERO).isLost(DEADLINE, false, false, DEADLINE.plusMillis(1))).isTrue();
        assertThatThrownBy(() -> new LostInjectionRule(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
