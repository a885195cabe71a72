package dev.faultline.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.safety.support.SafetyHarness;
import dev.faultline.schemas.avro.CheckOutcome;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.HaltLifted;
import dev.faultline.schemas.avro.HaltRequested;
import dev.faultline.schemas.avro.HaltScope;
import dev.faultline.schemas.avro.PreflightBlocked;
import dev.faultline.schemas.avro.PreflightCheckKind;
import dev.faultline.schemas.avro.PreflightCheckResult;
import dev.faultline.schemas.avro.PreflightPassed;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * safety-service starting with a backlog: a halt and a plan approved while it was down. The halts are replayed
 * before any preflight runs, so the plan is blocked by the halt, never cleared by a race between its listeners.
 */
@ExtendWith(DevStackExtension.class)
class SafetyStartupIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void shouldReplayTheHaltsBeforePreflightingAPlanApprovedWhileItWasDown(DevStack stack) throws Exception {
        String id = "exp-backlog-" + UUID.randomUUID().toString().substring(0, 8);
        UUID haltId = UUID.randomUUID();
        try (SafetyHarness safety = new SafetyHarness(stack, Map.of(), harness -> {
            harness.publisher.publish(id, HaltRequested.newBuilder()
                    .setHeader(EventHeaders.first(id, Actors.person("ops"), Clock.systemUTC()))
                    .setHaltId(haltId).setScope(HaltScope.EXPERIMENT).setEnvironment(null)
                    .setReason("pager: pricing on fire").build());
            harness.propose(id, "inventory", Environment.DEVELOPMENT, 0.5);
        })) {
            await().atMost(WAIT).until(() -> safety.tap.first(PreflightBlocked.class, id).isPresent());
            PreflightBlocked blocked = safety.tap.first(PreflightBlocked.class, id).orElseThrow();
            assertThat(blocked.getChecks()).filteredOn(c -> c.getOutcome() == CheckOutcome.FAILED)
                    .extracting(PreflightCheckResult::getKind).containsExactly(PreflightCheckKind.NO_ACTIVE_HALT);
            assertThat(safety.tap.first(PreflightPassed.class, id)).isEmpty();

            safety.publisher.publish(id, HaltLifted.newBuilder()
                    .setHeader(EventHeaders.first(id, Actors.person("ops"), Clock.systemUTC()))
                    .setHaltId(haltId).setReason("resolved").build());
            await().atMost(WAIT).untilAsserted(() -> assertThat(safety.post("/experiments/" + id + "/preflight", "").body())
                    .contains("\"outcome\":\"PASSED\""));
        }
    }
}
