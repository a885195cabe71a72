package dev.faultline.safety.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.schemas.avro.CheckOutcome;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActiveInjectionsTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void shouldBlockAnotherExperimentOnTheSameServiceUntilItStops() {
        ActiveInjections injections = new ActiveInjections();
        UUID id = UUID.randomUUID();
        injections.started(new ActiveInjections.Running(id, "exp-other", "storefront", T0.plusSeconds(30)));
        CheckResult blocked = injections.check("exp-1", "storefront", T0);
        assertThat(blocked.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(blocked.reason()).contains("exp-other is injecting on storefront");
        assertThat(injections.check("exp-other", "storefront", T0).outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(injections.check("exp-1", "checkout", T0).outcome()).isEqualTo(CheckOutcome.PASSED);
        injections.stopped(id);
        assertThat(injections.check("exp-1", "storefront", T0).outcome()).isEqualTo(CheckOutcome.PASSED);
    }

    @Test
    void shouldCountAnInjectionPastDeadlinePlusGraceAsEnded() {
        ActiveInjections injections = new ActiveInjections();
        injections.started(new ActiveInjections.Running(UUID.randomUUID(), "exp-lost", "storefront", T0));
        assertThat(injections.check("exp-1", "storefront", T0.plusSeconds(29)).outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(injections.check("exp-1", "storefront", T0.plusSeconds(31)).outcome()).isEqualTo(CheckOutcome.PASSED);
    }

    @Test
    void shouldIgnoreAStartReadAfterItsStop() {
        ActiveInjections injections = new ActiveInjections();
        UUID id = UUID.randomUUID();
        injections.stopped(id);
        injections.started(new ActiveInjections.Running(id, "exp-other", "storefront", T0.plusSeconds(30)));
        assertThat(injections.activeAt(T0)).isEmpty();
    }
}
