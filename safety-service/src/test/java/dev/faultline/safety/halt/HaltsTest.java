package dev.faultline.safety.halt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.schemas.avro.CheckOutcome;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.HaltScope;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HaltsTest {

    @Test
    void shouldKeyHaltsByTheirTarget() {
        assertThat(new Halt(UUID.randomUUID(), HaltScope.EXPERIMENT, "exp-1", null, "r").key()).isEqualTo("exp-1");
        assertThat(new Halt(UUID.randomUUID(), HaltScope.ENVIRONMENT, null, Environment.STAGING, "r").key())
                .isEqualTo("env:STAGING");
        assertThat(new Halt(UUID.randomUUID(), HaltScope.ALL, null, null, "r").key()).isEqualTo("*");
    }

    @Test
    void shouldBlockOnlyWhatAnActiveHaltCovers() {
        ActiveHalts halts = new ActiveHalts();
        Halt staging = new Halt(UUID.randomUUID(), HaltScope.ENVIRONMENT, null, Environment.STAGING, "incident 42");
        halts.requested(staging);
        halts.requested(new Halt(UUID.randomUUID(), HaltScope.EXPERIMENT, "exp-2", null, "looks wrong"));
        assertThat(halts.check("exp-1", Environment.STAGING).outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(halts.check("exp-1", Environment.STAGING).reason()).contains("incident 42");
        assertThat(halts.check("exp-1", Environment.TEST).outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(halts.check("exp-2", Environment.TEST).outcome()).isEqualTo(CheckOutcome.FAILED);
        halts.lifted(staging.haltId());
        assertThat(halts.check("exp-1", Environment.STAGING).outcome()).isEqualTo(CheckOutcome.PASSED);
        halts.requested(new Halt(UUID.randomUUID(), HaltScope.ALL, null, null, "stop everything"));
        assertThat(halts.check("exp-9", Environment.DEVELOPMENT).outcome()).isEqualTo(CheckOutcome.FAILED);
    }

    @Test
    void shouldValidateHaltRequests() {
        assertThat(HaltRequests.problems(new HaltRequest("EXPERIMENT", null, null, null, "r")))
                .containsExactly("experimentId is required for an EXPERIMENT halt");
        assertThat(HaltRequests.problems(new HaltRequest("ENVIRONMENT", null, "MARS", null, "r")))
                .singleElement().asString().contains("environment");
        assertThat(HaltRequests.problems(new HaltRequest("SOME", null, null, null, ""))).hasSize(2);
        assertThat(HaltRequests.problems(new HaltRequest("ALL", null, null, "ops", "r")))
                .containsExactly("by is taken from your token; leave it out of the body");
        assertThat(HaltRequests.problems(new HaltRequest("ALL", null, null, null, "game day over"))).isEmpty();
        Halt halt = HaltRequests.toHalt(new HaltRequest("ENVIRONMENT", "ignored", "STAGING", null, "r"));
        assertThat(halt.experimentId()).isNull();
        assertThat(halt.key()).isEqualTo("env:STAGING");
    }
}
