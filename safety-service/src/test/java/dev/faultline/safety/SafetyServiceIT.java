package dev.faultline.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.kit.clearance.ClearanceVerifier;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.safety.norm.WatchedProbes;
import dev.faultline.safety.support.SafetyHarness;
import dev.faultline.schemas.avro.ApprovalDecision;
import dev.faultline.schemas.avro.ApprovalRecorded;
import dev.faultline.schemas.avro.CheckOutcome;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.ExperimentScheduled;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.InjectionRefused;
import dev.faultline.schemas.avro.PreflightBlocked;
import dev.faultline.schemas.avro.PreflightCheckKind;
import dev.faultline.schemas.avro.PreflightCheckResult;
import dev.faultline.schemas.avro.PreflightPassed;
import dev.faultline.schemas.avro.RefusalReason;
import dev.faultline.schemas.avro.VerdictOutcome;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The preflight against the real devstack: hypotheses in from Kafka, a real HTTP target and injector dry-run
 * endpoint, decisions out on faultline.safety, approvals over HTTP, a configured freeze.
 */
@ExtendWith(DevStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SafetyServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static SafetyHarness safety;

    @BeforeAll
    static void start(DevStack stack) {
        Instant now = Instant.now();
        safety = new SafetyHarness(stack, Map.of(
                "faultline.safety.freezes[0].environment", "TEST",
                "faultline.safety.freezes[0].from", now.minusSeconds(3600).toString(),
                "faultline.safety.freezes[0].to", now.plusSeconds(3600).toString(),
                "faultline.safety.freezes[0].reason", "IT code freeze"));
    }

    @AfterAll
    static void stop() throws Exception {
        safety.close();
    }

    @Test
    void shouldClearALowRiskStagingPlanWithAGenuineClearanceOnce() {
        String id = "exp-staging-" + safety.run;
        safety.propose(id, "search", Environment.STAGING, 0.5);

        PreflightPassed passed = await().atMost(WAIT).until(() -> safety.tap.first(PreflightPassed.class, id).orElse(null),
                p -> p != null);
        assertThat(passed.getClearance().getKeyId()).isEqualTo("safety-it");
        assertThat(new ClearanceVerifier(safety.keys.verifier()).rejection(id, passed.getClearance(), Instant.now())).isNull();
        assertThat(passed.getClearance().getHypothesisRevision()).isEqualTo(1);
        assertThat(Duration.between(passed.getClearance().getIssuedAt(), passed.getClearance().getExpiresAt()))
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(passed.getChecks()).hasSize(13).extracting(PreflightCheckResult::getOutcome)
                .doesNotContain(CheckOutcome.FAILED);
        assertThat(passed.getChecks()).filteredOn(c -> c.getKind() == PreflightCheckKind.HISTORICAL_NORM)
                .singleElement().satisfies(c -> assertThat(c.getReason()).startsWith("no history for probe product-reads"
                        + " at ").contains("needs 30"));
        assertThat(safety.tap.first(ExperimentScheduled.class, id)).isPresent();
        assertThat(safety.get("/experiments/" + id + "/preflight").body()).contains("\"outcome\":\"PASSED\"");
        assertThat(safety.target.bodies()).anySatisfy(b -> assertThat(b).contains("\"dependency\":\"pricing\""))
                .anySatisfy(b -> assertThat(b).isEqualTo("{\"productId\":\"sku-1\",\"quantity\":1}"));

        HttpResponse<String> rerun = safety.post("/experiments/" + id + "/preflight", "");
        assertThat(rerun.statusCode()).isEqualTo(200);
        assertThat(rerun.body()).contains(passed.getClearance().getClearanceId().toString());
        assertThat(safety.tap.events(PreflightPassed.class, id)).hasSize(1);
    }

    @Test
    void shouldBlockProductionUntilANamedApproverWhoIsNotTheProposerApproves() {
        String id = "exp-prod-" + safety.run;
        safety.propose(id, "storefront", Environment.PRODUCTION, 0.2);

        PreflightBlocked blocked = await().atMost(WAIT).until(() -> safety.tap.first(PreflightBlocked.class, id).orElse(null),
                b -> b != null);
        assertThat(blocked.getChecks()).filteredOn(c -> c.getOutcome() == CheckOutcome.FAILED)
                .extracting(PreflightCheckResult::getKind)
                .containsExactly(PreflightCheckKind.APPROVAL, PreflightCheckKind.STAGING_FIRST);
        assertThat(blocked.getSummary()).contains("APPROVAL failed").contains("the holders of approver:<environment>")
                .contains("no history yet for product-reads")
                .contains("storefront under NETWORK_BLACKHOLE has no verdict in STAGING: run it in staging first");
        safety.verdictInStaging("exp-staged-" + safety.run, "storefront", FaultType.NETWORK_BLACKHOLE,
                VerdictOutcome.PARTIALLY_HELD);

        HttpResponse<String> byProposer = safety.approve(id, "alice", "APPROVED");
        assertThat(byProposer.statusCode()).isEqualTo(403);
        assertThat(byProposer.body()).contains("approving in PRODUCTION needs the role approver:production");
        HttpResponse<String> byProposerWithTheRole = safety.approveWith(safety.stack().issuer().mint("alice",
                List.of("proposer", "approver:production"), Duration.ofMinutes(5)), id, "APPROVED");
        assertThat(byProposerWithTheRole.statusCode()).isEqualTo(403);
        assertThat(byProposerWithTheRole.body()).contains("must not be the proposer");
        assertThat(safety.approve(id, "bob", "APPROVED").body()).as("a reviewer is no approver")
                .contains("needs the role approver:production");
        assertThat(safety.approve(id, "carol", "MAYBE").statusCode()).isEqualTo(400);
        assertThat(safety.approve("exp-nobody-" + safety.run, "carol", "APPROVED").statusCode()).isEqualTo(404);
        assertThat(safety.post(safety.token("carol"), "/experiments/" + id + "/approvals",
                "{\"approver\":\"bob\",\"decision\":\"APPROVED\"}").body())
                .contains("approver is taken from your token (carol)");

        HttpResponse<String> approved = safety.approve(id, "carol", "APPROVED");
        assertThat(approved.statusCode()).isEqualTo(201);
        assertThat(approved.body()).contains("\"approver\":\"carol\"");
        ApprovalRecorded recorded = await().atMost(WAIT).until(() -> safety.tap.first(ApprovalRecorded.class, id).orElse(null),
                r -> r != null);
        assertThat(recorded.getApprover().getId()).isEqualTo("carol");
        assertThat(recorded.getHeader().getActor().getId()).isEqualTo("carol");
        assertThat(recorded.getDecision()).isEqualTo(ApprovalDecision.APPROVED);
        assertThat(recorded.getValidUntil()).isEqualTo(recorded.getHeader().getOccurredAt().plus(Duration.ofHours(24)));
        // the rerun the approval asked for may come before the staging verdict is read: rerun until it is
        await().atMost(WAIT).until(() -> safety.post("/experiments/" + id + "/preflight", "").body()
                .contains("\"outcome\":\"PASSED\""));
        PreflightPassed passed = await().atMost(WAIT).until(() -> safety.tap.first(PreflightPassed.class, id).orElse(null),
                p -> p != null);
        assertThat(passed.getChecks()).filteredOn(c -> c.getKind() == PreflightCheckKind.APPROVAL)
                .singleElement().satisfies(c -> assertThat(c.getReason()).contains("approved by carol"));
        assertThat(passed.getChecks()).filteredOn(c -> c.getKind() == PreflightCheckKind.STAGING_FIRST)
                .singleElement().satisfies(c -> assertThat(c.getReason()).contains("ran in staging: exp-staged-"));
        assertThat(List.of(blocked.getHeader(), recorded.getHeader(), passed.getHeader()))
                .as("the approval over HTTP and the preflight it reran stay in the experiment's trace")
                .allSatisfy(h -> assertThat(h.getTraceparent()).contains(SafetyHarness.traceIdOf(id)));
    }

    @Test
    void shouldBlockAPlanDuringAConfiguredFreeze() {
        String id = "exp-frozen-" + safety.run;
        safety.propose(id, "reviews", Environment.TEST, 0.5);

        PreflightBlocked blocked = await().atMost(WAIT).until(() -> safety.tap.first(PreflightBlocked.class, id).orElse(null),
                b -> b != null);
        assertThat(blocked.getChecks()).filteredOn(c -> c.getOutcome() == CheckOutcome.FAILED)
                .singleElement().satisfies(c -> {
                    assertThat(c.getKind()).isEqualTo(PreflightCheckKind.DEPLOYMENT_CALENDAR);
                    assertThat(c.getReason()).contains("IT code freeze");
                });
        assertThat(safety.get("/experiments/" + id + "/preflight").body()).contains("\"outcome\":\"BLOCKED\"");
        assertThat(safety.get("/experiments/exp-never-" + safety.run + "/preflight").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldClearOnlyOneOfTwoExperimentsOnOneServiceUntilTheFirstOnesInjectionEnds() {
        String first = "exp-basket-1-" + safety.run;
        String second = "exp-basket-2-" + safety.run;
        String service = "basket-" + safety.run;
        safety.propose(first, service, Environment.STAGING, 0.5);
        PreflightPassed cleared = await().atMost(WAIT).until(() -> safety.tap.first(PreflightPassed.class, first)
                .orElse(null), p -> p != null);

        safety.propose(second, service, Environment.STAGING, 0.5);
        PreflightBlocked blocked = await().atMost(WAIT).until(() -> safety.tap.first(PreflightBlocked.class, second)
                .orElse(null), b -> b != null);
        assertThat(blocked.getChecks()).filteredOn(c -> c.getOutcome() == CheckOutcome.FAILED).singleElement()
                .satisfies(c -> {
                    assertThat(c.getKind()).isEqualTo(PreflightCheckKind.NO_CONCURRENT_EXPERIMENT);
                    assertThat(c.getReason()).contains("experiment " + first + " was cleared on " + service + " in STAGING");
                });
        assertThat(blocked.getSummary()).contains("wait until the other experiment on this service has ended");

        // the injector refuses the first one's clearance (an operator halted it before the fault went on)
        safety.publisher.publish(InjectionRefused.newBuilder()
                .setHeader(EventHeaders.first(first, Actors.service("injector-service"), Clock.systemUTC()))
                .setInjectionId(UUID.randomUUID()).setClearanceId(cleared.getClearance().getClearanceId())
                .setRevision(1).setEnvironment(Environment.STAGING).setService(service)
                .setFault(safety.hypothesis(service, Environment.STAGING, 0.5).getScenario())
                .setReason(RefusalReason.STOPPED_BEFORE_START).setDetail("HALTED").setEvidenceBatches(0).build());
        await().atMost(WAIT).untilAsserted(() -> assertThat(safety.post(preflight(second), "").body())
                .contains("\"outcome\":\"PASSED\""));
        // the answer comes as the event is published; the tap reads it a moment later
        await().atMost(WAIT).until(() -> safety.tap.first(PreflightPassed.class, second).isPresent());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void shouldAnswerIdenticallyAfterItsKeyspaceIsDroppedAndTheServiceRestartsInTheSameGroups() {
        List<String> ids = List.of("exp-staging-" + safety.run, "exp-prod-" + safety.run, "exp-frozen-" + safety.run);
        await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> safety.get(preflight(id)).statusCode() == 200));
        Map<String, String> before = new LinkedHashMap<>();
        ids.forEach(id -> before.put(id, safety.get(preflight(id)).body()));
        int decisions = decisions(ids);
        List<WatchedProbes.Watched> watched = watched();
        assertThat(watched).as("the approved plans' HTTP probe").isNotEmpty();

        safety.restartWithoutItsKeyspace();

        ids.forEach(id -> assertThat(safety.get(preflight(id)).body()).as(id + " after the rebuild").isEqualTo(before.get(id)));
        assertThat(watched()).as("the same probes watched").containsExactlyInAnyOrderElementsOf(watched);
        HttpResponse<String> rerun = safety.post(preflight(ids.get(1)), "");
        assertThat(rerun.body()).as("the approved production revision stays cleared, with its clearance")
                .isEqualTo(before.get(ids.get(1)));
        String next = "exp-after-rebuild-" + safety.run;
        safety.propose(next, "wishlist", Environment.STAGING, 0.5);
        PreflightPassed passed = await().atMost(WAIT).until(() -> safety.tap.first(PreflightPassed.class, next).orElse(null),
                p -> p != null);
        assertThat(passed.getChecks()).filteredOn(c -> c.getKind() == PreflightCheckKind.BASELINE_HEALTH).singleElement()
                .satisfies(c -> assertThat(c.getDetails()).containsKey("product-reads.errorRate")
                        .as("no blended norm any more").doesNotContainKey("product-reads.normP95Millis"));
        assertThat(decisions(ids)).as("no plan checked again").isEqualTo(decisions);

        // the staging experiment's clearance, issued before the drop and never used, still holds its service
        String rival = "exp-search-after-rebuild-" + safety.run;
        safety.propose(rival, "search", Environment.STAGING, 0.5);
        await().atMost(WAIT).until(() -> decisions(List.of(rival)) > 0);
        assertThat(safety.tap.first(PreflightPassed.class, rival)).as("not cleared beside it").isEmpty();
        PreflightBlocked blocked = safety.tap.first(PreflightBlocked.class, rival).orElseThrow();
        assertThat(blocked.getChecks()).filteredOn(c -> c.getOutcome() == CheckOutcome.FAILED).singleElement()
                .satisfies(c -> {
                    assertThat(c.getKind()).isEqualTo(PreflightCheckKind.NO_CONCURRENT_EXPERIMENT);
                    assertThat(c.getReason()).contains("experiment " + ids.get(0) + " was cleared on search in STAGING");
                });
    }

    private static String preflight(String id) {
        return "/experiments/" + id + "/preflight";
    }

    private static int decisions(List<String> ids) {
        return ids.stream().mapToInt(id -> safety.tap.events(PreflightPassed.class, id).size()
                + safety.tap.events(PreflightBlocked.class, id).size()).sum();
    }

    /** The HTTP probes whose history is sampled: the projection of the approved plans. */
    private static List<WatchedProbes.Watched> watched() {
        return safety.context.getBean(WatchedProbes.class).all();
    }
}
