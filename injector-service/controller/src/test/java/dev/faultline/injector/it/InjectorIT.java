package dev.faultline.injector.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.clearance.ClearanceKeyPair;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.issuer.LocalIssuer;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.injector.Fixtures;
import dev.faultline.injector.run.RunRequest;
import dev.faultline.kit.testing.ServiceProperties;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.schemas.avro.Clearance;
import dev.faultline.schemas.avro.DeadLetter;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.FaultDirection;
import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.Guardrail;
import dev.faultline.schemas.avro.HaltRequested;
import dev.faultline.schemas.avro.HaltScope;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.InjectionRefused;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.avro.PreflightPassed;
import dev.faultline.schemas.avro.RefusalReason;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * injector-service against the real devstack, an in-process data plane and a JDK HTTP target behind an L4 proxy:
 * PreflightPassed in over Kafka, InjectionStarted / EvidenceCaptured / InjectionStopped (or the DLQ) out.
 */
@ExtendWith(DevStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InjectorIT {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private TestTarget target;
    private ApplicationContext context;
    private EventPublisher publisher;
    private EventTap tap;
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalIssuer issuer;

    /** safety-service's next key: trusted by this injector too, as during a rotation. */
    private final ClearanceKeyPair next = ClearanceKeyPair.generate("it" + run + "-next");

    @BeforeAll
    void start(DevStack stack) {
        issuer = stack.issuer();
        target = new TestTarget("pricing");
        Map<String, Object> props = InjectorProperties.of(stack, target, "it" + run);
        props.put("faultline.clearance.public-keys." + next.keyId(), next.publicKeyBase64());
        context = ApplicationContext.run(EmbeddedServer.class, props).getApplicationContext();
        publisher = EventPublisher.standalone(ServiceProperties.kafkaSettings(stack, "injector-it"));
        tap = new EventTap(stack, List.of(Topics.Names.INJECTIONS, Topics.Names.EVIDENCE, Topics.Names.DEAD_LETTERS));
    }

    @AfterAll
    void stop() throws Exception {
        tap.close();
        publisher.close();
        context.close();
        target.close();
    }

    private Hypothesis hypothesis(long durationMillis, List<Guardrail> guardrails) {
        return Fixtures.hypothesis(Fixtures.fault(FaultType.NETWORK_BLACKHOLE, FaultDirection.UPSTREAM, durationMillis, Map.of()),
                List.of(Fixtures.probe("product-reads", target.url("/products/sku-1"), 100, 400)), guardrails);
    }

    private PreflightPassed approveAndClear(String experimentId, Hypothesis hypothesis) {
        publisher.publish(HypothesisDrafted.newBuilder().setHeader(header(experimentId, "hypothesis-service")).setRevision(1)
                .setHypothesis(hypothesis).setChangeSummary(null).setWarnings(List.of()).build());
        publisher.publish(PlanApproved.newBuilder().setHeader(header(experimentId, "hypothesis-service")).setRevision(1)
                .setReviewers(List.of(Actors.person("bob"))).build());
        return Fixtures.signedPreflight(experimentId, 1, InjectorProperties.keys("it" + run));
    }

    private static dev.faultline.schemas.avro.EventHeader header(String experimentId, String service) {
        return EventHeaders.first(experimentId, Actors.service(service), Clock.systemUTC());
    }

    private InjectionStopped awaitStopped(String experimentId, Duration atMost) {
        await().atMost(atMost).until(() -> !tap.of(experimentId, InjectionStopped.class).isEmpty());
        return tap.of(experimentId, InjectionStopped.class).get(0);
    }

    @Test
    void shouldRunTheInjectionOnceAndLeaveNoToxic() throws Exception {
        String exp = "exp-full-" + run;
        PreflightPassed passed = approveAndClear(exp, hypothesis(3000, List.of()));
        publisher.publish(passed);
        publisher.publish(passed); // redelivered: still one run

        await().atMost(Duration.ofSeconds(30)).until(() -> get("/injections").contains(exp) && get("/injections").contains("DURING"));
        assertThat(target.toxics()).contains("timeout").contains("injector:");
        InjectionStopped stopped = awaitStopped(exp, Duration.ofSeconds(30));

        InjectionStarted started = tap.of(exp, InjectionStarted.class).get(0);
        assertThat(started.getStopActionVerified()).isTrue();
        assertThat(started.getClearanceId()).isEqualTo(passed.getClearance().getClearanceId());
        assertThat(Duration.between(started.getHeader().getOccurredAt(), started.getDeadline()).toMillis()).isBetween(2900L, 3100L);
        assertThat(stopped.getReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(stopped.getRollbackVerified()).isTrue();
        assertThat(stopped.getInjectionId()).isEqualTo(started.getInjectionId());
        assertThat(Duration.between(stopped.getStartedAt(), stopped.getStoppedAt()).toMillis()).isBetween(3000L, 4500L);
        assertThat(target.toxics()).isEqualTo("[]");
        assertThat(target.leases()).doesNotContain("injector:" + started.getInjectionId());

        await().atMost(Duration.ofSeconds(10)).until(() -> tap.of(exp, EvidenceCaptured.class).size() == stopped.getEvidenceBatches());
        List<EvidenceCaptured> batches = tap.of(exp, EvidenceCaptured.class);
        assertThat(batches).extracting(EvidenceCaptured::getSequence)
                .containsExactlyElementsOf(LongStream.range(0, batches.size()).boxed().toList());
        assertThat(batches).extracting(EvidenceCaptured::getPhase)
                .contains(ExperimentPhase.BEFORE, ExperimentPhase.DURING, ExperimentPhase.AFTER);
        // a BEFORE probe still in flight (400 ms timeout) when the fault lands may fail; every earlier one succeeded
        Instant faultLanded = started.getHeader().getOccurredAt().minusMillis(500);
        assertThat(batches.stream().filter(b -> b.getPhase() == ExperimentPhase.BEFORE).flatMap(b -> b.getSamples().stream())
                .filter(s -> s.getAt().isBefore(faultLanded))).isNotEmpty().allSatisfy(s -> assertThat(s.getOk()).isTrue());
        assertThat(batches.stream().filter(b -> b.getPhase() == ExperimentPhase.DURING).flatMap(b -> b.getSamples().stream()))
                .anySatisfy(s -> assertThat(s.getError()).isNotNull());
        assertThat(tap.of(exp, InjectionStarted.class)).hasSize(1);
        assertThat(tap.of(exp, InjectionStopped.class)).hasSize(1);
    }

    @Test
    void shouldDeadLetterAndInjectNothingForAClearanceNotSignedBySafetyServicesKey() throws Exception {
        ClearanceKeyPair safety = InjectorProperties.keys("it" + run);
        Map<String, Clearance> forgeries = new LinkedHashMap<>();
        Clearance badSignature = Fixtures.signed("exp-forged-" + run, Fixtures.clearance(1, Instant.now().plusSeconds(600)), safety);
        badSignature.setSignature("forged-by-an-outside-tool");
        forgeries.put("exp-forged-" + run, badSignature);
        // another key pair under safety-service's key id: what an outside tool that knows the id would make
        forgeries.put("exp-other-key-" + run, Fixtures.signed("exp-other-key-" + run,
                Fixtures.clearance(1, Instant.now().plusSeconds(600)), ClearanceKeyPair.generate(safety.keyId())));
        // signed by safety-service, then its key id changed to the other key this injector trusts
        Clearance relabelled = Fixtures.signed("exp-relabelled-" + run, Fixtures.clearance(1, Instant.now().plusSeconds(600)), safety);
        relabelled.setKeyId(next.keyId());
        forgeries.put("exp-relabelled-" + run, relabelled);
        Clearance unknown = Fixtures.signed("exp-unknown-key-" + run, Fixtures.clearance(1, Instant.now().plusSeconds(600)),
                ClearanceKeyPair.generate("rogue"));
        forgeries.put("exp-unknown-key-" + run, unknown);
        forgeries.forEach((exp, forged) -> {
            approveAndClear(exp, hypothesis(3000, List.of()));
            publisher.publish(Fixtures.preflightPassed(exp, 1, forged));
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> forgeries.keySet().stream().noneMatch(e -> tap.of(e, DeadLetter.class).isEmpty()));
        assertThat(tap.of("exp-forged-" + run, DeadLetter.class).get(0).getReason()).contains("nothing injected")
                .contains("signature does not verify with key '" + safety.keyId() + "'");
        assertThat(tap.of("exp-other-key-" + run, DeadLetter.class).get(0).getReason())
                .contains("signature does not verify with key '" + safety.keyId() + "'");
        assertThat(tap.of("exp-relabelled-" + run, DeadLetter.class).get(0).getReason())
                .contains("signature does not verify with key '" + next.keyId() + "'");
        assertThat(tap.of("exp-unknown-key-" + run, DeadLetter.class).get(0).getReason())
                .contains("key id 'rogue', which is not one of the known keys [" + safety.keyId() + ", " + next.keyId() + "]");
        for (String exp : forgeries.keySet()) {
            assertThat(tap.of(exp, InjectionStarted.class)).as(exp).isEmpty();
            assertThat(tap.of(exp, InjectionRefused.class)).as("no experiment is ended on a forger's word: " + exp).isEmpty();
            assertThat(get("/injections")).doesNotContain(exp);
        }
    }

    @Test
    void shouldRefuseAnUnapprovedRevisionAndAFaultWithNoRouteOnTheInjectionsTopicWithTheReason() {
        String unapproved = "exp-unapproved-" + run;
        approveAndClear(unapproved, hypothesis(3000, List.of()));
        publisher.publish(HypothesisDrafted.newBuilder().setHeader(header(unapproved, "hypothesis-service")).setRevision(2)
                .setHypothesis(hypothesis(3000, List.of())).setChangeSummary("longer").setWarnings(List.of()).build());
        publisher.publish(Fixtures.signedPreflight(unapproved, 2, InjectorProperties.keys("it" + run)));
        String unsupported = "exp-no-route-" + run;
        FaultSpec noRoute = Fixtures.fault(FaultType.NETWORK_LATENCY, FaultDirection.UPSTREAM, 3000, Map.of());
        noRoute.getTarget().setDependency("inventory");
        PreflightPassed cleared = approveAndClear(unsupported, Fixtures.hypothesis(noRoute, List.of(), List.of()));
        publisher.publish(cleared);

        await().atMost(Duration.ofSeconds(30)).until(() -> !tap.of(unapproved, InjectionRefused.class).isEmpty()
                && !tap.of(unsupported, InjectionRefused.class).isEmpty());
        InjectionRefused notApproved = tap.of(unapproved, InjectionRefused.class).get(0);
        assertThat(notApproved.getReason()).isEqualTo(RefusalReason.NOT_APPROVED);
        assertThat(notApproved.getDetail()).contains("revision 2 is not the approved revision 1");
        InjectionRefused refused = tap.of(unsupported, InjectionRefused.class).get(0);
        assertThat(refused.getReason()).isEqualTo(RefusalReason.UNSUPPORTED_FAULT);
        assertThat(refused.getDetail()).contains("no data plane proxy is declared for dependency 'inventory' of storefront");
        assertThat(refused.getInjectionId()).isEqualTo(RunRequest.injectionIdOf(cleared.getClearance().getClearanceId()));
        assertThat(refused.getFault().getFaultType()).isEqualTo(FaultType.NETWORK_LATENCY);
        assertThat(refused.getHeader().getCausationId()).isEqualTo(cleared.getHeader().getEventId());
        assertThat(tap.of(unapproved, InjectionStarted.class)).isEmpty();
        assertThat(tap.of(unsupported, InjectionStarted.class)).isEmpty();
        assertThat(tap.of(unsupported, DeadLetter.class)).as("a refusal is not a bad record").isEmpty();
    }

    @Test
    void shouldRemoveTheFaultEarlyWhenAGuardrailIsBreached() {
        String exp = "exp-guardrail-" + run;
        publisher.publish(approveAndClear(exp, hypothesis(20_000, List.of(Fixtures.errorRateGuardrail("product-reads", 1000, 300)))));

        InjectionStopped stopped = awaitStopped(exp, Duration.ofSeconds(40));
        assertThat(stopped.getReason()).isEqualTo(StopReason.GUARDRAIL);
        assertThat(stopped.getGuardrailId()).isEqualTo("reads-failing");
        assertThat(stopped.getObserved()).isGreaterThan(0.5);
        assertThat(stopped.getRollbackVerified()).isTrue();
        assertThat(Duration.between(stopped.getStartedAt(), stopped.getStoppedAt()).toMillis()).isLessThan(5000);
        assertThat(stopped.getDetail()).contains("ms after detection");
        assertThat(target.toxics()).isEqualTo("[]");
    }

    @Test
    void shouldStopRunningBlindWhenTheGuardrailsProbeYieldsNoSample() {
        String exp = "exp-blind-" + run;
        // under the blackhole a read waits out its 10 s timeout: for 5 s (the default max silence) nothing comes back
        Hypothesis blind = Fixtures.hypothesis(Fixtures.fault(FaultType.NETWORK_BLACKHOLE, FaultDirection.UPSTREAM,
                        20_000, Map.of()), List.of(Fixtures.probe("product-reads", target.url("/products/sku-1"), 100, 10_000)),
                List.of(Fixtures.errorRateGuardrail("product-reads", 1000, 300)));
        publisher.publish(approveAndClear(exp, blind));

        InjectionStopped stopped = awaitStopped(exp, Duration.ofSeconds(40));
        assertThat(stopped.getReason()).isEqualTo(StopReason.GUARDRAIL);
        assertThat(stopped.getGuardrailId()).isEqualTo("reads-failing");
        assertThat(stopped.getObserved()).isNull();
        assertThat(stopped.getDetail()).contains("running blind: no sample from product-reads for 5.");
        assertThat(Duration.between(stopped.getStartedAt(), stopped.getStoppedAt()).toMillis()).isBetween(5000L, 9000L);
        assertThat(stopped.getRollbackVerified()).isTrue();
        assertThat(target.toxics()).isEqualTo("[]");
    }

    @Test
    void shouldStopWhenHalted() {
        String exp = "exp-halt-" + run;
        publisher.publish(approveAndClear(exp, hypothesis(20_000, List.of())));
        await().atMost(Duration.ofSeconds(30)).until(() -> !tap.of(exp, InjectionStarted.class).isEmpty());

        publisher.publish(exp, HaltRequested.newBuilder().setHeader(EventHeaders.first(exp, Actors.person("operator"), Clock.systemUTC()))
                .setHaltId(UUID.randomUUID()).setScope(HaltScope.EXPERIMENT).setEnvironment(null).setReason("pager went off").build());

        InjectionStopped stopped = awaitStopped(exp, Duration.ofSeconds(30));
        assertThat(stopped.getReason()).isEqualTo(StopReason.HALTED);
        assertThat(stopped.getDetail()).contains("pager went off").contains("operator");
        assertThat(stopped.getRollbackVerified()).isTrue();
        assertThat(Duration.between(stopped.getStartedAt(), stopped.getStoppedAt()).toMillis()).isLessThan(15_000);
        assertThat(target.toxics()).isEqualTo("[]");
    }

    @Test
    void shouldApplyAnHttpFaultThroughTheL7Proxy() {
        String exp = "exp-l7-" + run;
        Hypothesis hypothesis = Fixtures.hypothesis(Fixtures.fault(FaultType.HTTP_ERROR_STATUS, FaultDirection.UPSTREAM, 2000,
                        Map.of("status", "503", "retryAfter", "5")),
                List.of(Fixtures.probe("product-reads", target.httpUrl("/products/sku-1"), 100, 400)), List.of());
        publisher.publish(approveAndClear(exp, hypothesis));

        InjectionStopped stopped = awaitStopped(exp, Duration.ofSeconds(30));
        assertThat(stopped.getReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(stopped.getRollbackVerified()).isTrue();
        assertThat(target.rules()).isEqualTo("[]");
        await().atMost(Duration.ofSeconds(10)).until(() -> tap.of(exp, EvidenceCaptured.class).size() == stopped.getEvidenceBatches());
        List<EvidenceCaptured> batches = tap.of(exp, EvidenceCaptured.class);
        assertThat(batches.stream().filter(b -> b.getPhase() == ExperimentPhase.DURING).flatMap(b -> b.getSamples().stream()))
                .isNotEmpty().allSatisfy(s -> {
                    assertThat(s.getStatus()).isEqualTo(503);
                    assertThat(s.getHeaders()).contains("retry-after");
                });
        assertThat(batches.stream().filter(b -> b.getPhase() == ExperimentPhase.AFTER).flatMap(b -> b.getSamples().stream()))
                .isNotEmpty().allSatisfy(s -> assertThat(s.getStatus()).isEqualTo(200));
    }

    @Test
    void shouldRehearseTheStopActionOfEachFaultInItsPlaceOverHttp() throws Exception {
        HttpResponse<String> l4 = post("/rollback-dry-run", dryRun("NETWORK_LATENCY", "pricing"));
        assertThat(l4.statusCode()).isEqualTo(200);
        assertThat(l4.body()).contains("\"verified\":true").contains("harmless toxic").contains("confirmed it is gone");
        HttpResponse<String> l7 = post("/rollback-dry-run", dryRun("HTTP_ERROR_STATUS", "pricing"));
        assertThat(l7.statusCode()).isEqualTo(200);
        assertThat(l7.body()).contains("harmless rule").contains("pricing-http").contains("confirmed it is gone");
        assertThat(target.rules()).isEqualTo("[]");
        HttpResponse<String> unknown = post("/rollback-dry-run", dryRun("NETWORK_LATENCY", "inventory"));
        assertThat(unknown.statusCode()).isEqualTo(409);
        assertThat(unknown.body()).contains("no data plane proxy is declared for dependency 'inventory'");
        HttpResponse<String> invalid = post("/rollback-dry-run", "{\"dependency\":\"pricing\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("environment, service and faultType are required");
        HttpResponse<String> byAPerson = send(issuer.token("dave"), HttpRequest.newBuilder(URI.create(baseUrl()
                + "/rollback-dry-run")).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(dryRun("NETWORK_LATENCY", "pricing"))));
        assertThat(byAPerson.statusCode()).isEqualTo(403);
        assertThat(byAPerson.body()).contains("a rollback dry run needs the role service");
    }

    private static String dryRun(String faultType, String dependency) {
        return "{\"environment\":\"STAGING\",\"service\":\"storefront\",\"faultType\":\"" + faultType
                + "\",\"dependency\":\"" + dependency + "\"}";
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort();
    }

    /** Reads as the auditor: any signed-in user may read. */
    private String get(String path) throws Exception {
        return send(issuer.token("erin"), HttpRequest.newBuilder(URI.create(baseUrl() + path))).body();
    }

    /** Posts as safety-service would: a token with the role service. */
    private HttpResponse<String> post(String path, String body) throws Exception {
        return send(InjectorProperties.serviceToken(issuer), HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(String token, HttpRequest.Builder request) throws Exception {
        return http.send(request.header("authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
