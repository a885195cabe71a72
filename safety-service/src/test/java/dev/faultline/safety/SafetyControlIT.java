package dev.faultline.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.safety.support.SafetyHarness;
import dev.faultline.schemas.avro.CalendarEntryKind;
import dev.faultline.schemas.avro.CalendarEntryPublished;
import dev.faultline.schemas.avro.CheckOutcome;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.HaltLifted;
import dev.faultline.schemas.avro.HaltRequested;
import dev.faultline.schemas.avro.HaltScope;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.PreflightBlocked;
import dev.faultline.schemas.avro.PreflightCheckKind;
import dev.faultline.schemas.avro.PreflightCheckResult;
import dev.faultline.schemas.avro.PreflightPassed;
import dev.faultline.schemas.avro.StopReason;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Halts over HTTP, calendar freezes and running injections from the topics, and how they block a preflight. */
@ExtendWith(DevStackExtension.class)
class SafetyControlIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static SafetyHarness safety;

    @BeforeAll
    static void start(DevStack stack) {
        safety = new SafetyHarness(stack, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        safety.close();
    }

    @Test
    void shouldPublishHaltsAndLiftsOnTheControlTopic() {
        String id = "exp-halted-" + safety.run;
        HttpResponse<String> invalid = safety.post("/halts", "{\"scope\":\"EXPERIMENT\",\"reason\":\"x\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("experimentId is required");
        HttpResponse<String> halted = safety.post("/halts", "{\"scope\":\"EXPERIMENT\",\"experimentId\":\"" + id
                + "\",\"reason\":\"error budget burnt\"}");
        assertThat(halted.statusCode()).isEqualTo(202);
        HaltRequested requested = await().atMost(WAIT).until(() -> safety.tap.first(HaltRequested.class, id).orElse(null),
                h -> h != null);
        assertThat(requested.getScope()).isEqualTo(HaltScope.EXPERIMENT);
        assertThat(requested.getReason()).isEqualTo("error budget burnt");
        assertThat(requested.getHeader().getActor().getId()).as("the operator of the token").isEqualTo(SafetyHarness.CALLER);
        assertThat(halted.body()).contains(requested.getHaltId().toString());

        await().atMost(WAIT).until(() -> safety.get("/halts").body().contains(requested.getHaltId().toString()));
        assertThat(safety.delete("/halts/" + requested.getHaltId() + "?reason=resolved").statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> safety.tap.first(HaltLifted.class, id).isPresent());
        assertThat(safety.delete("/halts/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        HttpResponse<String> namingWhoLifts = safety.delete("/halts/" + requested.getHaltId() + "?by=ops");
        assertThat(namingWhoLifts.statusCode()).isEqualTo(400);
        assertThat(namingWhoLifts.body()).contains("by is taken from your token (dave)");
    }

    @Test
    void shouldBlockOnACalendarFreezeAndAnEnvironmentHaltUntilBothAreGone() {
        String id = "exp-dev-" + safety.run;
        String entryId = "freeze-" + safety.run;
        safety.publisher.publish(entryId, freeze(entryId, false));
        HttpResponse<String> halted = safety.post("/halts", "{\"scope\":\"ENVIRONMENT\",\"environment\":\"DEVELOPMENT\","
                + "\"reason\":\"game day paused\"}");
        assertThat(halted.statusCode()).isEqualTo(202);
        String haltId = halted.body().replaceAll(".*\"haltId\":\"([^\"]+)\".*", "$1");
        await().atMost(WAIT).until(() -> safety.tap.events(HaltRequested.class, "env:DEVELOPMENT").stream()
                .anyMatch(h -> h.getHaltId().toString().equals(haltId) && h.getEnvironment() == Environment.DEVELOPMENT));
        await().atMost(WAIT).until(() -> safety.get("/halts").body().contains(haltId));
        safety.propose(id, "storefront", Environment.DEVELOPMENT, 0.5);
        await().atMost(WAIT).until(() -> safety.tap.first(PreflightBlocked.class, id).isPresent());

        await().atMost(WAIT).untilAsserted(() -> assertThat(safety.post("/experiments/" + id + "/preflight", "").body())
                .contains("release train").contains("game day paused"));
        assertThat(safety.delete("/halts/" + haltId).statusCode()).isEqualTo(200);
        safety.publisher.publish(entryId, freeze(entryId, true));
        await().atMost(WAIT).untilAsserted(() -> assertThat(safety.post("/experiments/" + id + "/preflight", "").body())
                .contains("\"outcome\":\"PASSED\""));
        // the answer comes from the stored result; the event that cleared it reaches the topic's readers after it
        await().atMost(WAIT).until(() -> safety.tap.first(PreflightPassed.class, id).isPresent());
    }

    @Test
    void shouldBlockWhileAnotherExperimentInjectsOnTheSameService() {
        String id = "exp-second-" + safety.run;
        String other = "exp-first-" + safety.run;
        UUID injectionId = UUID.randomUUID();
        Instant now = Instant.now();
        Clock clock = Clock.systemUTC();
        safety.publisher.publish(InjectionStarted.newBuilder()
                .setHeader(EventHeaders.first(other, Actors.service("injector-service"), clock))
                .setRevision(1).setInjectionId(injectionId).setClearanceId(UUID.randomUUID())
                .setFault(safety.hypothesis("inventory", Environment.STAGING, 0.5).getScenario())
                .setController("injector:test").setLeaseExpiresAt(now.plusSeconds(3)).setDeadline(now.plusSeconds(30))
                .setStopActionVerified(true).build());
        safety.propose(id, "inventory", Environment.STAGING, 0.5);

        PreflightBlocked blocked = await().atMost(WAIT).until(() -> safety.tap.first(PreflightBlocked.class, id).orElse(null),
                b -> b != null);
        assertThat(blocked.getChecks()).filteredOn(c -> c.getOutcome() == CheckOutcome.FAILED)
                .extracting(PreflightCheckResult::getKind).containsExactly(PreflightCheckKind.NO_CONCURRENT_EXPERIMENT);
        safety.publisher.publish(InjectionStopped.newBuilder()
                .setHeader(EventHeaders.first(other, Actors.service("injector-service"), clock))
                .setInjectionId(injectionId).setReason(StopReason.COMPLETED).setStartedAt(now).setStoppedAt(Instant.now())
                .setRollbackVerified(true).build());
        await().atMost(WAIT).untilAsserted(() -> assertThat(safety.post("/experiments/" + id + "/preflight", "").body())
                .contains("\"outcome\":\"PASSED\""));
    }

    private static CalendarEntryPublished freeze(String entryId, boolean cancelled) {
        Instant now = Instant.now();
        return CalendarEntryPublished.newBuilder()
                .setHeader(EventHeaders.first(entryId, Actors.tool("deploy-bot"), Clock.systemUTC()))
                .setEntryId(entryId).setKind(CalendarEntryKind.FREEZE).setEnvironment(Environment.DEVELOPMENT)
                .setServices(List.of("storefront")).setStartsAt(now.minusSeconds(60)).setEndsAt(now.plusSeconds(3600))
                .setTitle("release train").setPerson(null).setSource("deploy-bot").setCancelled(cancelled).build();
    }
}
