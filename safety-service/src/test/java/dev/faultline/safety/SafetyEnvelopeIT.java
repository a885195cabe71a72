package dev.faultline.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.safety.support.SafetyHarness;
import dev.faultline.schemas.avro.ActorKind;
import dev.faultline.schemas.avro.CalendarEntryKind;
import dev.faultline.schemas.avro.CalendarEntryPublished;
import dev.faultline.schemas.avro.CheckOutcome;
import dev.faultline.schemas.avro.DependencyProtocol;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.HaltRequested;
import dev.faultline.schemas.avro.HaltScope;
import dev.faultline.schemas.avro.IncidentRecorded;
import dev.faultline.schemas.avro.IncidentSeverity;
import dev.faultline.schemas.avro.IncidentStatus;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.PreflightBlocked;
import dev.faultline.schemas.avro.PreflightCheckKind;
import dev.faultline.schemas.avro.PreflightCheckResult;
import dev.faultline.schemas.avro.PreflightPassed;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.avro.TargetDependency;
import dev.faultline.schemas.avro.TargetObservability;
import dev.faultline.schemas.avro.VerdictOutcome;
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

/**
 * The time envelope on the real topics: a freeze or an incident published while an injection runs makes safety-service
 * halt that experiment with the reason; production needs someone on call, named in the clearance.
 */
@ExtendWith(DevStackExtension.class)
class SafetyEnvelopeIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Clock CLOCK = Clock.systemUTC();
    private static SafetyHarness safety;

    @BeforeAll
    static void start(DevStack stack) {
        safety = new SafetyHarness(stack, Map.of(SafetyHarness.PRODUCTION + "on-call-required", true));
    }

    @AfterAll
    static void stop() throws Exception {
        safety.close();
    }

    @Test
    void shouldHaltARunningExperimentWhenAFreezeIsPublishedOnItsService() {
        String id = "exp-frozen-midrun-" + safety.run;
        String service = "storefront-" + safety.run;
        runningInjection(id, service);

        String entryId = "freeze-" + safety.run;
        safety.publisher.publish(entryId, CalendarEntryPublished.newBuilder()
                .setHeader(EventHeaders.first(entryId, Actors.tool("deploy-bot"), CLOCK)).setEntryId(entryId)
                .setKind(CalendarEntryKind.FREEZE).setEnvironment(Environment.STAGING).setServices(List.of(service))
                .setStartsAt(Instant.now().minusSeconds(1)).setEndsAt(Instant.now().plusSeconds(3600))
                .setTitle("release train").setPerson(null).setSource("deploy-bot").setCancelled(false).build());

        HaltRequested halt = await().atMost(WAIT).until(() -> safety.tap.first(HaltRequested.class, id).orElse(null),
                h -> h != null);
        assertThat(halt.getScope()).isEqualTo(HaltScope.EXPERIMENT);
        assertThat(halt.getHeader().getExperimentId()).isEqualTo(id);
        assertThat(halt.getHeader().getActor().getKind()).isEqualTo(ActorKind.SERVICE);
        assertThat(halt.getHeader().getActor().getId()).isEqualTo("safety-service");
        assertThat(halt.getReason()).startsWith("safety envelope: freeze 'release train' (deploy-bot:" + entryId + ")")
                .endsWith("is in force");
        await().atMost(WAIT).until(() -> safety.get("/halts").body().contains(halt.getHaltId().toString()));
        assertThat(safety.tap.events(HaltRequested.class, id)).as("halted once").hasSize(1);
    }

    @Test
    void shouldHaltARunningExperimentWhenAnIncidentOpensOnADeclaredDependency() {
        String id = "exp-incident-midrun-" + safety.run;
        String service = "orders-" + safety.run;
        String dependency = "inventory-" + safety.run;
        safety.publisher.publish(Environment.STAGING + "/" + service, target(service, dependency));
        runningInjection(id, service);

        String incidentId = "INC-" + safety.run;
        safety.publisher.publish(incidentId, IncidentRecorded.newBuilder()
                .setHeader(EventHeaders.first("", Actors.tool("incident-bot"), CLOCK)).setIncidentId(incidentId)
                .setTitle("inventory times out").setSeverity(IncidentSeverity.HIGH).setStatus(IncidentStatus.OPEN)
                .setEnvironment(Environment.STAGING).setServices(List.of(dependency)).setStartedAt(Instant.now())
                .build());

        HaltRequested halt = await().atMost(WAIT).until(() -> safety.tap.first(HaltRequested.class, id).orElse(null),
                h -> h != null);
        assertThat(halt.getReason()).startsWith("safety envelope: incident " + incidentId + " 'inventory times out'")
                .endsWith("on " + dependency + " is open");
    }

    @Test
    void shouldClearProductionOnlyWithSomeoneOnCallAndNameThemInTheClearance() {
        String id = "exp-oncall-" + safety.run;
        String service = "checkout-" + safety.run;
        safety.verdictInStaging("exp-staged-" + safety.run, service, FaultType.NETWORK_BLACKHOLE,
                VerdictOutcome.PARTIALLY_HELD);
        safety.propose(id, service, Environment.PRODUCTION, 0.2);
        assertThat(safety.approveOnceRead(id, "carol", "APPROVED").statusCode()).isEqualTo(201);
        // the staging verdict is read asynchronously: rerun the preflight until ON_CALL is all that blocks it
        PreflightBlocked blocked = await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            safety.post("/experiments/" + id + "/preflight", "");
            return safety.tap.events(PreflightBlocked.class, id).stream().filter(b -> b.getChecks().stream()
                    .filter(c -> c.getOutcome() == CheckOutcome.FAILED).map(PreflightCheckResult::getKind).toList()
                    .equals(List.of(PreflightCheckKind.ON_CALL))).findFirst().orElse(null);
        }, b -> b != null);
        assertThat(blocked.getChecks()).filteredOn(c -> c.getOutcome() == CheckOutcome.FAILED)
                .extracting(PreflightCheckResult::getKind).containsExactly(PreflightCheckKind.ON_CALL);

        String shiftId = "shift-" + safety.run;
        safety.publisher.publish(shiftId, CalendarEntryPublished.newBuilder()
                .setHeader(EventHeaders.first(shiftId, Actors.tool("pagerduty"), CLOCK)).setEntryId(shiftId)
                .setKind(CalendarEntryKind.ON_CALL_SHIFT).setEnvironment(Environment.PRODUCTION)
                .setServices(List.of(service)).setStartsAt(Instant.now().minusSeconds(60))
                .setEndsAt(Instant.now().plusSeconds(3600)).setTitle("primary").setPerson("dave")
                .setSource("pagerduty").setCancelled(false).build());
        await().atMost(WAIT).untilAsserted(() -> assertThat(safety.post("/experiments/" + id + "/preflight", "").body())
                .contains("\"outcome\":\"PASSED\""));
        PreflightPassed passed = await().atMost(WAIT).until(() -> safety.tap.first(PreflightPassed.class, id)
                .orElse(null), p -> p != null);
        assertThat(passed.getClearance().getOnCall()).isEqualTo("dave");
    }

    /** {@code service} declared in staging, calling {@code dependency}, as `faultline targets apply` writes it. */
    private static TargetDeclared target(String service, String dependency) {
        return TargetDeclared.newBuilder().setHeader(EventHeaders.first("", Actors.tool("faultline-cli"), CLOCK))
                .setEnvironment(Environment.STAGING).setService(service).setRemoved(false).setServiceType("http-api")
                .setOwners(List.of()).setOnCall(null).setBaseUrl("http://127.0.0.1:1").setEndpoints(List.of())
                .setDependencies(List.of(TargetDependency.newBuilder().setName(dependency)
                        .setProtocol(DependencyProtocol.HTTP).build()))
                .setHosts(List.of()).setObservability(TargetObservability.newBuilder().build())
                .setSource("targets/staging.yaml").build();
    }

    /** A cleared staging experiment on {@code service}, and its injection started as the injector announces it. */
    private static void runningInjection(String id, String service) {
        safety.propose(id, service, Environment.STAGING, 0.5);
        await().atMost(WAIT).until(() -> safety.tap.first(PreflightPassed.class, id).isPresent());
        Instant now = Instant.now();
        safety.publisher.publish(InjectionStarted.newBuilder()
                .setHeader(EventHeaders.first(id, Actors.service("injector-service"), CLOCK))
                .setRevision(1).setInjectionId(UUID.randomUUID()).setClearanceId(UUID.randomUUID())
                .setFault(safety.hypothesis(service, Environment.STAGING, 0.5).getScenario())
                .setController("injector:test").setLeaseExpiresAt(now.plusSeconds(3)).setDeadline(now.plusSeconds(60))
                .setStopActionVerified(true).build());
    }
}
