package dev.faultline.analysis;

import static dev.faultline.analysis.fixtures.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.analysis.fixtures.Fixtures;
import dev.faultline.analysis.followup.FollowUpOpener;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.kit.testing.EventTap;
import dev.faultline.kit.testing.ServiceProperties;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.FollowUpKind;
import dev.faultline.schemas.avro.FollowUpOpened;
import dev.faultline.schemas.avro.FollowUpState;
import dev.faultline.schemas.avro.FollowUpStateChanged;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.avro.TargetObservability;
import dev.faultline.schemas.avro.VerdictIssued;
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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The follow-up queue against the real devstack: a verdict whose latency prediction did not hold opens a FIX_SYSTEM
 * follow-up on faultline.followups, linked to the prediction and assigned to the target's first owner; the queue is
 * listed and filtered over HTTP; a reviewer triages it (published, then recorded), an auditor may not, an illegal step
 * is a 409 saying what is allowed; the verdict delivered again, and a service rebuilt from offset zero in a new keyspace,
 * open nothing twice.
 */
@ExtendWith(DevStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FollowUpQueueIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String EXP = "exp-fu-" + RUN;
    private static final String SERVICE = "shop-" + RUN;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static DevStack devStack;
    private static ApplicationContext context;
    private static EventPublisher publisher;
    private static EventTap tap;
    private static FollowUpOpened fix;

    @BeforeAll
    static void start(DevStack stack) {
        devStack = stack;
        publisher = EventPublisher.standalone(ServiceProperties.kafkaSettings(stack, "followup-it"));
        publisher.publish(Environment.STAGING + "/" + SERVICE, target(List.of("team-" + RUN, "ops-" + RUN)));
        context = AnalysisServiceIT.startService(stack, "analysis-fu-" + RUN, "analysis_fu_" + RUN);
        tap = new EventTap(stack, List.of(Topics.VERDICTS, Topics.FOLLOWUPS));
    }

    @AfterAll
    static void stop() throws Exception {
        tap.close();
        publisher.close();
        context.close();
    }

    @Test
    @Order(1)
    void shouldOpenAFixSystemFollowUpAssignedToTheTargetOwnerForAPredictionThatDidNotHold() {
        UUID injection = UUID.randomUUID();
        Hypothesis hypothesis = Fixtures.hypothesis(Fixtures.examplePredictions());
        hypothesis.setService(SERVICE);
        List<EvidenceCaptured> evidence = Fixtures.exampleEvidence(EXP, injection);
        publisher.publish(Fixtures.drafted(EXP, 1, hypothesis));
        publisher.publish(PlanApproved.newBuilder().setHeader(Fixtures.header(EXP, T0.minusSeconds(30))).setRevision(1)
                .setReviewers(List.of()).build());
        publisher.publish(Fixtures.started(EXP, injection, 1, T0, Instant.now().plusSeconds(600)));
        evidence.forEach(publisher::publish);
        publisher.publish(Fixtures.stopped(EXP, injection, StopReason.COMPLETED, T0, T0.plusSeconds(30),
                (long) evidence.size()));

        VerdictIssued verdict = await().atMost(WAIT).until(() -> tap.first(VerdictIssued.class, EXP).orElse(null),
                v -> v != null);
        List<FollowUpOpened> opened = await().atMost(WAIT).until(() -> tap.events(FollowUpOpened.class, EXP),
                l -> l.size() == verdict.getFollowUps().size());

        fix = opened.stream().filter(f -> f.getKind() == FollowUpKind.FIX_SYSTEM).findFirst().orElseThrow();
        assertThat(fix.getPredictionId()).isEqualTo("reads-p99");
        assertThat(fix.getAssignee()).isEqualTo("team-" + RUN);
        assertThat(fix.getService()).isEqualTo(SERVICE);
        assertThat(fix.getInjectionId()).isEqualTo(injection);
        assertThat(fix.getHeader().getCausationId()).isEqualTo(verdict.getHeader().getEventId());
        assertThat(fix.getFollowUpId()).isEqualTo(FollowUpOpener.idOf(verdict.getHeader().getEventId(), fix.getIndex()));
        assertThat(fix.getHeader().getActor().getId()).isEqualTo("analysis-service");
    }

    @Test
    @Order(2)
    void shouldListAndFilterTheQueueForAnySignedInCaller() throws Exception {
        String mine = await().atMost(WAIT).until(() -> get("/follow-ups?experiment=" + EXP, "erin", 200).body(),
                body -> body.contains(fix.getFollowUpId().toString()));
        assertThat(mine).contains("\"kind\":\"FIX_SYSTEM\"", "\"state\":\"OPEN\"", "\"predictionId\":\"reads-p99\"",
                "\"assignee\":\"team-" + RUN + "\"");
        assertThat(get("/follow-ups?state=OPEN&service=" + SERVICE + "&assignee=team-" + RUN, "erin", 200).body())
                .contains(fix.getFollowUpId().toString());
        assertThat(get("/follow-ups?state=DONE&service=" + SERVICE, "erin", 200).body()).isEqualTo("[]");
        assertThat(get("/follow-ups?assignee=nobody-" + RUN, "erin", 200).body()).isEqualTo("[]");
        assertThat(get("/follow-ups?state=LATER", "erin", 400).body()).contains("state must be one of");
        assertThat(get("/follow-ups/" + fix.getFollowUpId(), "erin", 200).body())
                .contains("\"experimentId\":\"" + EXP + "\"", "\"history\":[]");
        get("/follow-ups/" + UUID.randomUUID(), "erin", 404);
        get("/follow-ups/not-a-uuid", "erin", 400);
    }

    @Test
    @Order(3)
    void shouldLetAReviewerTriageButNotAnAuditorAndRefuseIllegalSteps() throws Exception {
        String id = fix.getFollowUpId().toString();
        assertThat(transition(id, "erin", "{\"state\":\"ACCEPTED\"}", 403).body())
                .contains("needs the role reviewer or operator", "erin has auditor");

        assertThat(transition(id, "bob", "{\"state\":\"ACCEPTED\",\"note\":\"on it\"}", 200).body())
                .contains("\"state\":\"ACCEPTED\"");
        assertThat(transition(id, "dave", "{\"state\":\"OPEN\"}", 409).body())
                .contains("ACCEPTED → OPEN is not allowed", "may go to DONE, WONT_FIX");
        assertThat(transition(id, "bob", "{\"state\":\"WONT_FIX\"}", 400).body()).contains("WONT_FIX needs a note");
        assertThat(transition(id, "bob", "{\"state\":\"DONE\",\"actor\":\"mallory\"}", 400).body())
                .contains("actor is taken from your token");
        assertThat(transition(id, "dave", "{\"state\":\"DONE\",\"note\":\"timeout added\"}", 200).body())
                .contains("\"state\":\"DONE\"", "\"actor\":\"bob\"", "\"actor\":\"dave\"");
        assertThat(transition(id, "bob", "{\"state\":\"OPEN\"}", 409).body()).contains("DONE, which is final");

        List<FollowUpStateChanged> changes = await().atMost(WAIT).until(() -> tap.events(FollowUpStateChanged.class, EXP),
                l -> l.size() == 2);
        assertThat(changes).extracting(FollowUpStateChanged::getTo).containsExactly(FollowUpState.ACCEPTED, FollowUpState.DONE);
        assertThat(changes).extracting(c -> c.getHeader().getActor().getId()).containsExactly("bob", "dave");
        assertThat(changes.get(1).getKind()).isEqualTo(FollowUpKind.FIX_SYSTEM);
        assertThat(get("/follow-ups?state=DONE&service=" + SERVICE, "erin", 200).body()).contains(id);
    }

    @Test
    @Order(4)
    void shouldOpenNothingTwiceWhenTheVerdictComesAgainOrTheQueueIsRebuiltFromOffsetZero() throws Exception {
        VerdictIssued verdict = tap.first(VerdictIssued.class, EXP).orElseThrow();
        int opened = tap.events(FollowUpOpened.class, EXP).size();
        publisher.publish(verdict);

        ApplicationContext rebuilt = AnalysisServiceIT.startService(devStack, "analysis-fu-rebuilt-" + RUN,
                "analysis_fu_rebuilt_" + RUN);
        try {
            String base = "http://127.0.0.1:" + rebuilt.getBean(EmbeddedServer.class).getPort();
            await().atMost(WAIT).untilAsserted(() -> assertThat(send(HttpRequest.newBuilder(URI.create(base
                    + "/follow-ups/" + fix.getFollowUpId())).GET(), "erin", 200).body()).contains("\"state\":\"DONE\""));
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(15))
                    .until(() -> tap.events(FollowUpOpened.class, EXP).size() == opened
                            && tap.events(FollowUpStateChanged.class, EXP).size() == 2);
        } finally {
            rebuilt.close();
        }
    }

    private static TargetDeclared target(List<String> owners) {
        return TargetDeclared.newBuilder()
                .setHeader(EventHeaders.first("", Actors.person("admin"), Clock.systemUTC()))
                .setEnvironment(Environment.STAGING).setService(SERVICE).setServiceType("http-storefront")
                .setOwners(owners).setBaseUrl("http://127.0.0.1:18080")
                .setObservability(TargetObservability.newBuilder().setMetricsUrl(null).setPrometheusUrl(null)
                        .setLogFile(null).build())
                .setSource("followup-it").build();
    }

    private static HttpResponse<String> get(String path, String user, int status) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).GET(), user, status);
    }

    private static HttpResponse<String> transition(String id, String user, String body, int status) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base() + "/follow-ups/" + id + "/transitions"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), user, status);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String user, int status) throws Exception {
        HttpResponse<String> response = HTTP.send(request.header("authorization", "Bearer "
                + devStack.issuer().token(user)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(request.build().uri() + " → " + response.body()).isEqualTo(status);
        return response;
    }

    private static String base() {
        return "http://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort();
    }
}
