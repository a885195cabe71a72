package dev.faultline.hypothesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.declarations.failuremode.FailureModesFile;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.hypothesis.knowledge.KnowledgeFixtures;
import dev.faultline.hypothesis.support.Http;
import dev.faultline.hypothesis.support.ServiceUnderTest;
import dev.faultline.hypothesis.target.TargetsTest;
import dev.faultline.kit.testing.ServiceProperties;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.kit.testing.EventTap;
import dev.faultline.kit.testing.Keyspaces;
import dev.faultline.schemas.avro.DeadLetter;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FailureModeDeclared;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.HypothesisRejected;
import dev.faultline.schemas.avro.LintFinding;
import dev.faultline.schemas.avro.LintRule;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.avro.PlanReviewed;
import dev.faultline.schemas.avro.Prediction;
import dev.faultline.schemas.avro.ProbeSpec;
import dev.faultline.schemas.avro.ReviewDecision;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.context.ApplicationContext;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * hypothesis-service against the real devstack: proposals in from faultline.proposals and over HTTP, drafts and
 * rejections out on faultline.hypotheses, bad records to the DLQ, a review round over HTTP, state in Cassandra.
 */
@ExtendWith(DevStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HypothesisServiceIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static DevStack devStack;
    private static ApplicationContext context;
    private static EventPublisher publisher;
    private static EventTap tap;
    private static String baseUrl;
    private static String reviewedId;

    @BeforeAll
    static void start(DevStack stack) {
        devStack = stack;
        context = ServiceUnderTest.start(stack, "hypothesis_it_" + RUN, "hypothesis-it-" + RUN);
        baseUrl = ServiceUnderTest.baseUrl(context);
        publisher = EventPublisher.standalone(ServiceProperties.kafkaSettings(stack, "hypothesis-it"));
        tap = new EventTap(stack, List.of(Topics.HYPOTHESES, Topics.DEAD_LETTERS));
    }

    @AfterAll
    static void stop() throws Exception {
        tap.close();
        publisher.close();
        context.close();
    }

    @Test
    @Order(1)
    void shouldDraftAValidProposalFromTheTopic() {
        String id = "exp-topic-" + RUN;
        publisher.publish(ServiceUnderTest.proposal(id, "storefront", FaultType.NETWORK_BLACKHOLE, "pricing must not take the shop down"));

        HypothesisDrafted drafted = awaitFirst(HypothesisDrafted.class, id);
        assertThat(drafted.getRevision()).isEqualTo(1);
        assertThat(drafted.getHypothesis().getTemplateId()).isEqualTo("storefront-dependency-unreachable");
        assertThat(drafted.getHypothesis().getPredictions()).extracting(Prediction::getPredictionId)
                .containsExactly("reads-served", "reads-p99", "orders-503", "orders-retry-after");
        assertThat(drafted.getHeader().getActor().getId()).isEqualTo("hypothesis-service");
        assertThat(get("/experiments/" + id + "/hypothesis").body()).contains("\"revision\":1", "\"status\":\"DRAFTED\"",
                "\"probeId\":\"product-reads\"");
    }

    @Test
    @Order(2)
    void shouldRejectVagueAndInvalidProposalsWithReasonsAndGoOn() {
        String vague = "exp-vague-" + RUN;
        String invalid = "exp-invalid-" + RUN;
        String next = "exp-next-" + RUN;
        publisher.publish(ServiceUnderTest.proposal(vague, "storefront", FaultType.NETWORK_BLACKHOLE, "test"));
        publisher.publish(ServiceUnderTest.proposal(invalid, "", FaultType.UNKNOWN, "a blank service and no fault type"));
        publisher.publish(ServiceUnderTest.proposal(vague, "storefront", FaultType.NETWORK_BLACKHOLE, "test"));
        publisher.publish(ServiceUnderTest.proposal(next, "storefront", FaultType.NETWORK_LATENCY, "pricing gets slow at peak hours"));

        assertThat(awaitFirst(HypothesisDrafted.class, next).getHypothesis().getTemplateId())
                .isEqualTo("storefront-dependency-latency");
        HypothesisRejected rejected = awaitFirst(HypothesisRejected.class, vague);
        assertThat(rejected.getFindings()).extracting(LintFinding::getRule).containsExactly(LintRule.OTHER);
        assertThat(rejected.getFindings().get(0).getMessage()).contains("too vague");
        assertThat(awaitFirst(HypothesisRejected.class, invalid).getFindings()).extracting(LintFinding::getRule)
                .containsExactly(LintRule.UNSUPPORTED_FAULT);
        assertThat(tap.events(HypothesisRejected.class, vague)).as("the redelivered proposal is answered once").hasSize(1);
        assertThat(get("/experiments/" + vague + "/hypothesis").body()).contains("\"status\":\"REJECTED\"", "too vague");
    }

    @Test
    @Order(3)
    void shouldDeadLetterGarbageAndKeepProcessing() throws Exception {
        String garbage = "exp-garbage-" + RUN;
        String after = "exp-after-garbage-" + RUN;
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(devStack.kafkaClientProperties(), new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.Names.PROPOSALS, garbage, new byte[] {0, 0, 0, 0, 7, 42, 42})).get();
        }
        publisher.publish(ServiceUnderTest.proposal(after, "storefront", FaultType.HTTP_ERROR_STATUS, "pricing answers 503 under load"));

        assertThat(awaitFirst(HypothesisDrafted.class, after).getRevision()).isEqualTo(1);
        DeadLetter letter = awaitFirst(DeadLetter.class, garbage);
        assertThat(letter.getSourceTopic()).isEqualTo(Topics.Names.PROPOSALS);
        assertThat(letter.getService()).startsWith("hypothesis-service");
        assertThat(letter.getReason()).isNotBlank();
    }

    @Test
    @Order(4)
    void shouldRunAReviewRoundOverHttp() {
        HttpResponse<String> proposed = post("alice", "/proposals", """
                {"service":"storefront","faultType":"NETWORK_BLACKHOLE","dependency":"pricing","environment":"STAGING",
                 "reason":"ROUTINE","motivation":"storefront must survive a pricing outage",
                 "durationSeconds":30}""");
        assertThat(proposed.statusCode()).isEqualTo(202);
        String id = Http.field(proposed.body(), "experimentId");
        assertThat(id).startsWith("exp-");
        reviewedId = id;
        assertThat(awaitFirst(HypothesisDrafted.class, id).getRevision()).isEqualTo(1);

        HttpResponse<String> changed = post("bob", "/experiments/" + id + "/reviews", """
                {"decision":"REQUEST_CHANGES","comment":"shorter, please",
                 "changes":{"durationSeconds":20,"thresholds":{"reads-p99":900},"minSamples":{"reads-p99":70}}}""");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("\"revision\":2", "\"decision\":\"CHANGES_REQUESTED\"");
        HypothesisDrafted second = await().atMost(WAIT).until(() -> tap.events(HypothesisDrafted.class, id), l -> l.size() == 2).get(1);
        assertThat(second.getRevision()).isEqualTo(2);
        assertThat(second.getHypothesis().getScenario().getDurationMillis()).isEqualTo(20_000);

        HttpResponse<String> unlintable = post("bob", "/experiments/" + id + "/reviews", """
                {"decision":"REQUEST_CHANGES","changes":{"trafficShare":0}}""");
        assertThat(unlintable.statusCode()).isEqualTo(422);
        assertThat(unlintable.body()).contains("UNBOUNDED_BLAST_RADIUS");

        HttpResponse<String> byProposer = post("alice", "/experiments/" + id + "/reviews", """
                {"decision":"ACCEPT"}""");
        assertThat(byProposer.statusCode()).isEqualTo(403);
        assertThat(byProposer.body()).contains("reviewing a plan needs the role reviewer; alice has proposer");
        HttpResponse<String> byProposerWithTheRole = postWith(devStack.issuer().mint("alice",
                List.of("proposer", "reviewer"), Duration.ofMinutes(5)), "/experiments/" + id + "/reviews", """
                {"decision":"ACCEPT"}""");
        assertThat(byProposerWithTheRole.statusCode()).isEqualTo(403);
        assertThat(byProposerWithTheRole.body()).contains("alice proposed this experiment and must not accept it");
        assertThat(post("bob", "/experiments/" + id + "/reviews", """
                {"reviewer":"carol","decision":"ACCEPT"}""").body()).contains("reviewer is taken from your token (bob)");
        HttpResponse<String> accepted = post("bob", "/experiments/" + id + "/reviews", """
                {"decision":"ACCEPT","comment":"go"}""");
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).contains("\"revision\":2", "\"decision\":\"ACCEPTED\"");

        PlanApproved approved = awaitFirst(PlanApproved.class, id);
        assertThat(approved.getRevision()).isEqualTo(2);
        assertThat(approved.getReviewers()).extracting(a -> a.getId()).containsExactly("bob");
        assertThat(tap.events(PlanReviewed.class, id)).extracting(r -> r.getHeader().getActor().getId())
                .as("the reviewer of the token").containsOnly("bob");
        assertThat(tap.events(PlanReviewed.class, id)).extracting(PlanReviewed::getDecision)
                .containsExactly(ReviewDecision.CHANGES_REQUESTED, ReviewDecision.ACCEPTED);
        assertThat(tap.events(HypothesisDrafted.class, id)).hasSize(2);
        assertThat(get("/experiments/" + id + "/hypothesis").body()).contains("\"status\":\"APPROVED\"", "\"revision\":2");

        String rejected = "exp-vague-" + RUN;
        assertThat(post("bob", "/experiments/" + rejected + "/reviews", "{\"decision\":\"ACCEPT\"}")
                .statusCode()).isEqualTo(409);
    }

    @Test
    @Order(5)
    void shouldAnswerBadProposalsOverHttpWithoutPublishing() {
        HttpResponse<String> missing = post("alice", "/proposals", """
                {"faultType":"NETWORK_BLACKHOLE","environment":"STAGING","motivation":"pricing outages"}""");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("service is required");

        HttpResponse<String> earthquake = post("alice", "/proposals", """
                {"service":"storefront","faultType":"EARTHQUAKE","environment":"STAGING",
                 "motivation":"pricing outages"}""");
        assertThat(earthquake.statusCode()).isEqualTo(400);
        assertThat(earthquake.body()).contains("faultType 'EARTHQUAKE' is not one of", "NETWORK_BLACKHOLE");

        HttpResponse<String> vague = post("alice", "/proposals", """
                {"service":"storefront","faultType":"NETWORK_BLACKHOLE","dependency":"inventory","environment":"STAGING",
                 "motivation":"why"}""");
        assertThat(vague.statusCode()).isEqualTo(422);
        assertThat(vague.body()).contains("\"reasons\"", "OTHER at motivation", "UNSUPPORTED_FAULT at dependency");

        HttpResponse<String> tooLong = post("alice", "/proposals", """
                {"service":"storefront","faultType":"NETWORK_BLACKHOLE","dependency":"pricing","environment":"STAGING",
                 "motivation":"a long pricing outage","durationSeconds":3600}""");
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("NO_DURATION");

        String valid = """
                {"service":"storefront","faultType":"NETWORK_BLACKHOLE","dependency":"pricing","environment":"STAGING",
                 "motivation":"storefront must survive a pricing outage","durationSeconds":30}""";
        HttpResponse<String> byAuditor = post("erin", "/proposals", valid);
        assertThat(byAuditor.statusCode()).isEqualTo(403);
        assertThat(byAuditor.body()).contains("proposing an experiment needs the role proposer; erin has auditor");
        assertThat(postWith(null, "/proposals", valid).statusCode()).isEqualTo(401);
        assertThat(post("alice", "/proposals", valid.replace("{", "{\"proposer\":\"bob\",")).body())
                .contains("proposer is taken from your token (alice)");

        assertThat(get("/experiments/exp-none-" + RUN + "/hypothesis").statusCode()).isEqualTo(404);
        HttpResponse<String> modes = get("/failure-modes");
        assertThat(modes.statusCode()).isEqualTo(200);
        assertThat(modes.body()).contains("storefront-dependency-unreachable", "http-api-dependency-latency");
    }

    @Test
    @Order(6)
    void shouldRebuildItsStateFromCassandraAndAnswerNothingTwice() {
        String marker = "exp-after-restart-" + RUN;
        context.close();
        context = ServiceUnderTest.start(devStack, "hypothesis_it_" + RUN, "hypothesis-it-replay-" + RUN);
        baseUrl = ServiceUnderTest.baseUrl(context);
        publisher.publish(ServiceUnderTest.proposal(marker, "storefront", FaultType.NETWORK_RESET, "pricing connections get reset"));

        awaitFirst(HypothesisDrafted.class, marker);
        assertThat(get("/experiments/exp-topic-" + RUN + "/hypothesis").body()).contains("\"status\":\"DRAFTED\"");
        assertThat(tap.events(HypothesisDrafted.class, "exp-topic-" + RUN)).as("replayed proposal answered once").hasSize(1);
        assertThat(tap.events(HypothesisRejected.class, "exp-vague-" + RUN)).hasSize(1);
    }

    @Test
    @Order(3)
    void shouldCarryARequestedWindowFromAnHttpProposalIntoThePlan() {
        Instant start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES);
        String proposal = """
                {"service":"storefront","faultType":"NETWORK_BLACKHOLE","dependency":"pricing","environment":"STAGING",
                 "motivation":"storefront must survive a pricing outage","windowStart":"%s","windowEnd":"%s"}"""
                .formatted(start, start.plus(Duration.ofHours(2)));

        HttpResponse<String> accepted = post("alice", "/proposals", proposal);
        assertThat(accepted.statusCode()).isEqualTo(202);
        Hypothesis plan = awaitFirst(HypothesisDrafted.class, Http.field(accepted.body(), "experimentId")).getHypothesis();
        assertThat(plan.getRequestedStart()).isEqualTo(start);
        assertThat(plan.getRequestedEnd()).isEqualTo(start.plus(Duration.ofHours(2)));
        assertThat(post("alice", "/proposals", proposal.replace("\"windowStart\":\"" + start, "\"windowStart\":\""
                + start.minus(Duration.ofDays(2)))).body()).contains("is not in the future");
    }

    @Test
    @Order(3)
    void shouldDraftForATargetDeclaredOnTheTargetsTopic() {
        String service = "shop-" + RUN;
        TargetDeclared declared = TargetsTest.declared(Environment.STAGING, service, false);
        declared.setBaseUrl("http://shop-" + RUN + ".staging:8080");
        publisher.publish("STAGING/" + service, declared);
        String proposal = """
                {"service":"%s","faultType":"NETWORK_BLACKHOLE","dependency":"pricing","environment":"STAGING",
                 "reason":"ROUTINE","motivation":"pricing outages must not hurt the shop"}"""
                .formatted(service);

        HttpResponse<String> accepted = await().atMost(WAIT).until(() -> post("alice", "/proposals", proposal),
                response -> response.statusCode() == 202);
        HypothesisDrafted drafted = awaitFirst(HypothesisDrafted.class, Http.field(accepted.body(), "experimentId"));
        assertThat(drafted.getHypothesis().getProbes()).extracting(ProbeSpec::getTarget)
                .contains("http://shop-" + RUN + ".staging:8080/products/sku-1", "http://shop.staging:8080/metrics",
                        "/var/log/shop.log");
        assertThat(post("alice", "/proposals", proposal.replace("STAGING", "TEST")).body()).as("declared for staging only")
                .contains("unknown service '" + service + "' in TEST");
    }

    @Test
    @Order(3)
    void shouldDraftFromAFailureModeATeamAddedOnItsTopicForANewServiceType() throws Exception {
        String service = "worker-" + RUN;
        TargetDeclared declared = TargetsTest.declared(Environment.STAGING, service, false);
        declared.setServiceType("queue-worker-" + RUN);
        publisher.publish("STAGING/" + service, declared);
        FailureModeDeclared template = FailureModesFile.read("""
                failure-modes:
                  worker-broker-latency-%1$s:
                    service-type: queue-worker-%1$s
                    fault: network-latency
                    risk: low
                    description: the broker answers latencyMillis (ms) slower
                    parameters: {latencyMillis: 400}
                    title: When ${dependency} answers ${latencyMillis} ms slower, ${service} keeps reading
                    probes:
                      reads: {endpoint: reads, interval: 250ms}
                      errors: {kind: log, parameters: {level: ERROR}}
                    predictions:
                      fast: {probe: reads, statistic: p99-latency, comparator: '<', threshold: 'latencyMillis * 2',
                             unit: milliseconds, min-samples: 10, description: reads stay fast}
                      quiet: {probe: errors, statistic: value-sum, comparator: '<=', threshold: 0, unit: count,
                              description: no error is logged}
                    guardrails:
                      failing: {probe: reads, statistic: error-rate, comparator: '>', threshold: 0.5, unit: ratio,
                                window: 3s, sustain: 1s, description: stop when reads fail}
                """.formatted(RUN), "worker.yaml", "alice", "INC-" + RUN, java.time.Clock.systemUTC()).get(0);
        publisher.publish(template.getTemplateId(), template);

        await().atMost(WAIT).untilAsserted(() -> assertThat(get("/failure-modes").body())
                .contains("\"id\":\"worker-broker-latency-" + RUN + "\"")
                .contains("\"origin\":{\"kind\":\"added\",\"source\":\"worker.yaml\",\"addedBy\":\"alice\""));
        String proposal = """
                {"service":"%s","faultType":"NETWORK_LATENCY","dependency":"pricing","environment":"STAGING",
                 "reason":"ROUTINE","motivation":"a slow broker must not stall the worker",
                 "labels":{"latencyMillis":"300"}}""".formatted(service);
        HttpResponse<String> accepted = post("alice", "/proposals", proposal);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        Hypothesis drafted = awaitFirst(HypothesisDrafted.class, Http.field(accepted.body(), "experimentId"))
                .getHypothesis();

        assertThat(drafted.getTemplateId()).isEqualTo("worker-broker-latency-" + RUN);
        assertThat(drafted.getTitle()).isEqualTo("When pricing answers 300 ms slower, " + service + " keeps reading");
        assertThat(drafted.getProbes()).extracting(ProbeSpec::getProbeId, ProbeSpec::getTarget).containsExactly(
                org.assertj.core.groups.Tuple.tuple("reads", "http://shop.staging:8080/products/1"),
                org.assertj.core.groups.Tuple.tuple("errors", "/var/log/shop.log"));
        assertThat(drafted.getPredictions()).extracting("predictionId", "threshold")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("fast", 600.0),
                        org.assertj.core.groups.Tuple.tuple("quiet", 0.0));
        assertThat(drafted.getRationale()).contains("added by alice, from incident INC-" + RUN);
    }

    @Test
    @Order(3)
    void shouldDraftAnIncidentsSuggestionCitingTheIncidentAndTheCatalog() {
        String service = "checkout-" + RUN;
        publisher.publish("STAGING/" + service, TargetsTest.declared(Environment.STAGING, service, false));
        String incident = "INC-" + RUN;
        publisher.publish(incident, KnowledgeFixtures.incident(incident, service, Instant.parse("2026-11-28T10:00:00Z")));
        publisher.publish(service + "|NETWORK_LATENCY", KnowledgeFixtures.latencyKnown(service, Instant.now()));

        await().atMost(WAIT).untilAsserted(() -> assertThat(get("/suggestions?service=" + service).body())
                .contains("\"service\":\"" + service + "\",\"faultType\":\"NETWORK_LATENCY\",\"incidentId\":\""
                        + incident + "\",\"title\":\"checkout timeouts\""));
        String proposal = """
                {"service":"%s","faultType":"NETWORK_LATENCY","dependency":"pricing","environment":"STAGING",
                 "reason":"INCIDENT","incidentId":"%s",
                 "motivation":"pricing GC pauses timed checkout out last week"}""".formatted(service, incident);
        HttpResponse<String> refused = post("alice", "/proposals", proposal.replace(incident, "INC-unknown-" + RUN));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("unknown incident 'INC-unknown-" + RUN + "'");

        HttpResponse<String> accepted = await().atMost(WAIT).until(() -> post("alice", "/proposals", proposal),
                response -> response.statusCode() == 202);
        String experimentId = Http.field(accepted.body(), "experimentId");
        Hypothesis drafted = awaitFirst(HypothesisDrafted.class, experimentId).getHypothesis();

        assertThat(drafted.getRationale()).as("the incident id went through faultline.proposals")
                .contains("Prompted by incident " + incident + " (HIGH, PRODUCTION, resolved",
                "Known-behaviour catalog, " + service + "|NETWORK_LATENCY", "did not hold last time: reads-p99 "
                        + "(predicted again)", "reads-p99 950.0 milliseconds, NOT_HELD");
    }

    @Test
    @Order(7)
    void shouldAnswerIdenticallyAfterItsKeyspaceIsDroppedAndTheServiceRestartsInTheSameGroup() {
        List<String> paths = List.of("/experiments/exp-topic-" + RUN + "/hypothesis",
                "/experiments/exp-vague-" + RUN + "/hypothesis", "/experiments/" + reviewedId + "/hypothesis",
                "/experiments/exp-after-restart-" + RUN + "/hypothesis");
        Map<String, String> before = new LinkedHashMap<>();
        paths.forEach(path -> before.put(path, get(path).body()));
        assertThat(before.get(paths.get(2))).contains("\"status\":\"APPROVED\"", "\"proposer\":\"alice\"");
        context.close();
        Keyspaces.drop(devStack, "hypothesis_it_" + RUN);

        context = ServiceUnderTest.start(devStack, "hypothesis_it_" + RUN, "hypothesis-it-replay-" + RUN);
        baseUrl = ServiceUnderTest.baseUrl(context);
        for (String path : paths) {
            assertThat(get(path).body()).as(path + " after the rebuild").isEqualTo(before.get(path));
        }
        assertThat(post("bob", "/experiments/" + reviewedId + "/reviews", "{\"decision\":\"ACCEPT\"}")
                .statusCode()).as("an approved plan stays approved").isEqualTo(409);
        String marker = "exp-after-drop-" + RUN;
        publisher.publish(ServiceUnderTest.proposal(marker, "storefront", FaultType.NETWORK_RESET, "pricing resets"));
        awaitFirst(HypothesisDrafted.class, marker);
        await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() -> {
            assertThat(tap.events(HypothesisDrafted.class, "exp-topic-" + RUN)).as("answered once").hasSize(1);
            assertThat(tap.events(HypothesisDrafted.class, "exp-after-restart-" + RUN)).as("answered once").hasSize(1);
            assertThat(tap.events(HypothesisDrafted.class, reviewedId)).as("two revisions, no more").hasSize(2);
            assertThat(tap.events(HypothesisRejected.class, "exp-vague-" + RUN)).as("rejected once").hasSize(1);
        });
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> T awaitFirst(Class<T> type, String key) {
        return await().atMost(WAIT).until(() -> tap.first(type, key).orElse(null), e -> e != null);
    }

    /** Reads as the auditor: any signed-in user may read. */
    private static HttpResponse<String> get(String path) {
        return new Http(baseUrl, devStack.issuer().token("erin")).get(path);
    }

    /** Posts as {@code user} of the issuer's users file (alice proposes, bob reviews). */
    private static HttpResponse<String> post(String user, String path, String json) {
        return postWith(devStack.issuer().token(user), path, json);
    }

    private static HttpResponse<String> postWith(String token, String path, String json) {
        return new Http(baseUrl, token).post(path, json);
    }
}
