package dev.faultline.analysis;

import static dev.faultline.analysis.fixtures.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.faultline.analysis.evidence.EvidenceRecords;
import dev.faultline.analysis.fixtures.Fixtures;
import dev.faultline.analysis.fixtures.VerdictTap;
import dev.faultline.analysis.verdict.VerdictController.RecomputeView;
import dev.faultline.analysis.verdict.VerdictView;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.kit.testing.Keyspaces;
import dev.faultline.kit.testing.ServiceProperties;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.avro.PredictionOutcome;
import dev.faultline.schemas.avro.PredictionResult;
import dev.faultline.schemas.avro.RefusalReason;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.avro.VerdictOutcome;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * analysis-service against the real devstack: events on the topics in, exactly one VerdictIssued out, recompute and
 * replay give the identical verdict, and a lost injector ends ABORTED/LOST.
 */
@ExtendWith(DevStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalysisServiceIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String EXP = "exp-it-" + RUN;
    private static final String LOST = "exp-lost-" + RUN;
    private static final UUID INJ = UUID.randomUUID();
    private static final UUID LOST_INJ = UUID.randomUUID();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static DevStack devStack;
    private static ApplicationContext context;
    private static EventPublisher publisher;
    private static VerdictTap tap;

    @BeforeAll
    static void start(DevStack stack) {
        devStack = stack;
        context = startService(stack, "analysis-it-" + RUN, "analysis_it_" + RUN);
        publisher = EventPublisher.standalone(ServiceProperties.kafkaSettings(stack, "injector-it"));
        tap = new VerdictTap(stack);
    }

    @AfterAll
    static void stop() throws Exception {
        tap.close();
        publisher.close();
        context.close();
    }

    static ApplicationContext startService(DevStack stack, String groupId, String keyspace) {
        Map<String, Object> props = ServiceProperties.forDevStack(stack, keyspace);
        props.put("faultline.analysis.group-id", groupId);
        props.put("faultline.analysis.lost-grace-millis", 500);
        props.put("faultline.analysis.watchdog-interval-millis", 200);
        props.put("faultline.analysis.start-within-millis", 3000);
        return ApplicationContext.run(EmbeddedServer.class, props).getApplicationContext();
    }

    @Test
    @Order(1)
    void shouldIssueExactlyOneVerdictOnceTheStopAndAllEvidenceAreIn() {
        List<EvidenceCaptured> evidence = Fixtures.exampleEvidence(EXP, INJ);
        publisher.publish(Fixtures.drafted(EXP, 1, Fixtures.hypothesis(Fixtures.examplePredictions().subList(0, 2))));
        publisher.publish(Fixtures.drafted(EXP, 2, Fixtures.hypothesis(Fixtures.examplePredictions())));
        publisher.publish(PlanApproved.newBuilder().setHeader(Fixtures.header(EXP, T0.minusSeconds(30))).setRevision(2)
                .setReviewers(List.of()).build());
        publisher.publish(Fixtures.started(EXP, INJ, 2, T0, Instant.now().plusSeconds(600)));
        List<EvidenceCaptured> outOfOrder = new ArrayList<>(evidence.subList(20, evidence.size()));
        outOfOrder.addAll(evidence.subList(5, 20));
        outOfOrder.add(evidence.get(7));
        outOfOrder.forEach(publisher::publish);
        publisher.publish(Fixtures.stopped(EXP, INJ, StopReason.COMPLETED, T0, T0.plusSeconds(30),
                (long) evidence.size()));
        evidence.subList(0, 5).forEach(publisher::publish);

        await().atMost(WAIT).until(() -> tap.verdicts(EXP).size() == 1);
        publisher.publish(evidence.get(0));
        publisher.publish(Fixtures.stopped(EXP, INJ, StopReason.COMPLETED, T0, T0.plusSeconds(30),
                (long) evidence.size()));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> tap.verdicts(EXP).size() == 1);

        VerdictIssued verdict = tap.verdicts(EXP).get(0);
        assertThat(verdict.getOutcome()).isEqualTo(VerdictOutcome.PARTIALLY_HELD);
        assertThat(verdict.getRevision()).isEqualTo(2);
        assertThat(verdict.getInjectionId()).isEqualTo(INJ);
        assertThat(verdict.getSampleCount()).isEqualTo(evidence.size() * 7L);
        assertThat(verdict.getResults()).extracting(PredictionResult::getPredictionId, PredictionResult::getOutcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("reads-served", PredictionOutcome.HELD),
                        org.assertj.core.groups.Tuple.tuple("reads-p99", PredictionOutcome.NOT_HELD),
                        org.assertj.core.groups.Tuple.tuple("orders-503", PredictionOutcome.HELD),
                        org.assertj.core.groups.Tuple.tuple("orders-retry-after", PredictionOutcome.HELD));
        assertThat(verdict.getHeader().getActor().getId()).isEqualTo("analysis-service");
    }

    @Test
    @Order(2)
    void shouldServeTheVerdictReportAndEvidenceAndRecomputeTheIdenticalVerdict() throws Exception {
        String base = baseUrl(context);
        VerdictView verdict = json(get(base + "/experiments/" + EXP + "/verdict", 200).body(), VerdictView.class);
        assertThat(verdict.outcome()).isEqualTo("PARTIALLY_HELD");
        assertThat(verdict.results()).extracting(VerdictView.Result::outcome)
                .containsExactly("HELD", "NOT_HELD", "HELD", "HELD");
        assertThat(verdict.eventId()).isEqualTo(tap.verdicts(EXP).get(0).getHeader().getEventId().toString());

        HttpResponse<String> report = get(base + "/experiments/" + EXP + "/report", 200);
        assertThat(report.headers().firstValue("content-type")).get().asString().startsWith("text/markdown");
        assertThat(report.body()).contains("PARTIALLY_HELD", "## Hypothesis", "NETWORK_BLACKHOLE of storefront→pricing",
                "## Evidence", "| product-reads | DURING | 150 |", "## Predictions vs evidence", "1203 ms",
                "## Stop", "COMPLETED", "## Follow-ups", "FIX_SYSTEM");

        assertThat(get(base + "/experiments/" + EXP + "/evidence", 200).body())
                .contains("\"approvedRevision\":2", "\"sampleCount\":266", "\"phase\":\"BEFORE\"", "\"probeId\":\"order-writes\"");
        get(base + "/experiments/exp-unknown-" + RUN + "/verdict", 404);

        RecomputeView recomputed = json(post(base + "/experiments/" + EXP + "/recompute").body(), RecomputeView.class);
        assertThat(recomputed.identical()).isTrue();
        assertThat(recomputed.differences()).isEmpty();
        assertThat(recomputed.verdict().summary()).isEqualTo(verdict.summary());
    }

    /**
     * A batch stored and then lost by the store (deleted here, as a write Cassandra lost would be), before the stop
     * arrives: the run waits for it, and once the watchdog's grace has passed with the listener caught up, the batch
     * is read again from faultline.evidence and the verdict is issued on every batch, once.
     */
    @Test
    @Order(3)
    void shouldFindABatchTheStoreLostOnTheEvidenceTopicAndJudgeTheRunOnAllItsBatches() {
        String exp = "exp-refetch-" + RUN;
        UUID injection = UUID.randomUUID();
        List<EvidenceCaptured> evidence = Fixtures.exampleEvidence(exp, injection);
        EvidenceRecords records = context.getBean(EvidenceRecords.class);
        publisher.publish(Fixtures.drafted(exp, 1, Fixtures.hypothesis(Fixtures.examplePredictions())));
        publisher.publish(Fixtures.started(exp, injection, 1, T0, Instant.now().plusSeconds(2)));
        evidence.forEach(publisher::publish);
        await().atMost(WAIT).until(() -> records.sequences(exp, injection).size() == evidence.size());

        long lost = 13;
        context.getBean(CqlSession.class).execute("DELETE FROM evidence_batches WHERE experiment_id = ? AND injection_key = ?"
                + " AND sequence = ?", exp, injection.toString(), lost);
        assertThat(records.sequences(exp, injection)).hasSize(evidence.size() - 1).doesNotContain(lost);
        publisher.publish(Fixtures.stopped(exp, injection, StopReason.COMPLETED, T0, T0.plusSeconds(30),
                (long) evidence.size()));

        await().atMost(WAIT).until(() -> tap.verdicts(exp).size() == 1);
        VerdictIssued verdict = tap.verdicts(exp).get(0);
        assertThat(verdict.getStopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(verdict.getSampleCount()).as("judged on every batch").isEqualTo(evidence.size() * 7L);
        assertThat(records.sequences(exp, injection)).contains(lost);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> tap.verdicts(exp).size() == 1);
    }

    @Test
    @Order(3)
    void shouldJudgeALostInjectorAbortedLostOnceAndIgnoreItsLateStop() {
        publisher.publish(Fixtures.drafted(LOST, 1, Fixtures.hypothesis(Fixtures.examplePredictions())));
        publisher.publish(Fixtures.started(LOST, LOST_INJ, 1, T0, Instant.now().plusSeconds(2)));
        Fixtures.exampleEvidence(LOST, LOST_INJ).subList(0, 10).forEach(publisher::publish);

        await().atMost(WAIT).until(() -> tap.verdicts(LOST).size() == 1);
        publisher.publish(Fixtures.stopped(LOST, LOST_INJ, StopReason.COMPLETED, T0, T0.plusSeconds(30), 10L));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> tap.verdicts(LOST).size() == 1);

        VerdictIssued lost = tap.verdicts(LOST).get(0);
        assertThat(lost.getOutcome()).isEqualTo(VerdictOutcome.ABORTED);
        assertThat(lost.getStopReason()).isEqualTo(StopReason.LOST);
        assertThat(lost.getSummary()).contains("injector was lost", "lease", "removes the fault");
    }

    @Test
    @Order(3)
    void shouldEndARefusedClearanceAndAClearanceNoInjectorTookAbortedWithWhy() {
        String refusedExp = "exp-refused-" + RUN;
        String forgottenExp = "exp-forgotten-" + RUN;
        Hypothesis hypothesis = Fixtures.hypothesis(Fixtures.examplePredictions());
        publisher.publish(Fixtures.drafted(refusedExp, 1, hypothesis));
        publisher.publish(Fixtures.drafted(forgottenExp, 1, hypothesis));
        UUID refusedClearance = UUID.randomUUID();
        UUID forgottenClearance = UUID.randomUUID();
        Instant now = Instant.now();
        publisher.publish(Fixtures.cleared(refusedExp, refusedClearance, 1, now));
        publisher.publish(Fixtures.cleared(forgottenExp, forgottenClearance, 1, now));
        publisher.publish(Fixtures.refused(refusedExp, refusedClearance, 1, now.plusMillis(100), hypothesis,
                RefusalReason.UNSUPPORTED_FAULT, "nothing injected: CPU_EXHAUSTION needs an agent on a host of storefront"));

        await().atMost(WAIT).until(() -> tap.verdicts(refusedExp).size() == 1 && tap.verdicts(forgottenExp).size() == 1);

        VerdictIssued refused = tap.verdicts(refusedExp).get(0);
        assertThat(refused.getOutcome()).isEqualTo(VerdictOutcome.ABORTED);
        assertThat(refused.getStopReason()).isEqualTo(StopReason.REFUSED);
        assertThat(refused.getSummary()).contains("Refused by the injector (UNSUPPORTED_FAULT)", "needs an agent");
        VerdictIssued forgotten = tap.verdicts(forgottenExp).get(0);
        assertThat(forgotten.getOutcome()).isEqualTo(VerdictOutcome.ABORTED);
        assertThat(forgotten.getStopReason()).isEqualTo(StopReason.LOST);
        assertThat(forgotten.getSummary()).contains("No injector took the clearance", forgottenClearance.toString());
        assertThat(Duration.between(now, forgotten.getHeader().getOccurredAt())).as("after start-within plus grace")
                .isGreaterThanOrEqualTo(Duration.ofMillis(3500));
    }

    @Test
    @Order(4)
    void shouldRebuildFromOffsetZeroIntoANewKeyspaceAndRecomputeTheIdenticalVerdicts() throws Exception {
        RecomputeView original = json(post(baseUrl(context) + "/experiments/" + EXP + "/recompute").body(),
                RecomputeView.class);
        ApplicationContext replay = startService(devStack, "analysis-replay-" + RUN, "analysis_replay_" + RUN);
        try {
            String base = baseUrl(replay);
            for (String experiment : List.of(EXP, LOST)) {
                await().atMost(WAIT).untilAsserted(() -> {
                    RecomputeView view = json(post(base + "/experiments/" + experiment + "/recompute").body(),
                            RecomputeView.class);
                    assertThat(view.identical()).as(experiment + " differs in " + view.differences()).isTrue();
                });
            }
            RecomputeView rebuilt = json(post(base + "/experiments/" + EXP + "/recompute").body(), RecomputeView.class);
            assertThat(rebuilt.verdict()).isEqualTo(original.verdict());
            assertThat(get(base + "/experiments/" + EXP + "/report", 200).body()).contains("PARTIALLY_HELD", "1203 ms");
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                    tap.verdicts(EXP).size() == 1 && tap.verdicts(LOST).size() == 1);
        } finally {
            replay.close();
        }
    }

    @Test
    @Order(5)
    void shouldAnswerIdenticallyAfterItsKeyspaceIsDroppedAndTheServiceRestartsInTheSameGroup() throws Exception {
        List<String> paths = List.of("/experiments/" + EXP + "/verdict", "/experiments/" + EXP + "/report",
                "/experiments/" + EXP + "/evidence", "/experiments/" + LOST + "/verdict",
                "/experiments/" + LOST + "/report", "/experiments/" + LOST + "/evidence");
        Map<String, String> before = new LinkedHashMap<>();
        for (String path : paths) {
            before.put(path, get(baseUrl(context) + path, 200).body());
        }
        context.close();
        Keyspaces.drop(devStack, "analysis_it_" + RUN);

        context = startService(devStack, "analysis-it-" + RUN, "analysis_it_" + RUN);
        String base = baseUrl(context);
        await().atMost(WAIT).untilAsserted(() -> {
            for (String path : paths) {
                assertThat(get(base + path, 200).body()).as(path + " after the rebuild").isEqualTo(before.get(path));
            }
        });
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                tap.verdicts(EXP).size() == 1 && tap.verdicts(LOST).size() == 1);
    }

    private static String baseUrl(ApplicationContext ctx) {
        return "http://127.0.0.1:" + ctx.getBean(EmbeddedServer.class).getPort();
    }

    private static <T> T json(String body, Class<T> type) throws IOException {
        return context.getBean(JsonMapper.class).readValue(body, type);
    }

    private static HttpResponse<String> get(String url, int status) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET()
                .header("authorization", "Bearer " + DevStack.shared().issuer().token("erin")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + " → " + response.body()).isEqualTo(status);
        return response;
    }

    private static HttpResponse<String> post(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.noBody()).header("authorization", "Bearer " + DevStack.shared().issuer().token("erin")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + " → " + response.body()).isEqualTo(200);
        return response;
    }
}
