package dev.faultline.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.safety.support.SafetyHarness;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.PreflightBlocked;
import dev.faultline.schemas.avro.PreflightPassed;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two safety-service instances on one keyspace and in one consumer group, against the real devstack: what one
 * instance decides, the other does not decide again.
 */
@ExtendWith(DevStackExtension.class)
class SafetyInstancesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SafetyHarness safety;
    private static SafetyHarness.Instance other;

    @BeforeAll
    static void start(DevStack stack) {
        safety = new SafetyHarness(stack, Map.of());
        other = safety.anotherInstance();
    }

    @AfterAll
    static void stop() throws Exception {
        if (other != null) {
            other.close();
        }
        safety.close();
    }

    /**
     * An operator reruns the preflight on one instance while someone else reruns it on the other (any instance answers
     * HTTP): both preflights pass at once, and the injector runs every clearance it gets — one clearance is issued,
     * and both callers are answered with it.
     */
    @Test
    void shouldClearARevisionOnceWhenTwoInstancesRunItsPreflightAtOnce() throws Exception {
        String id = "exp-two-instances-" + safety.run;
        safety.target.answer(503); // the target is down: the preflight the approval asks for is blocked
        safety.propose(id, "ledger-" + safety.run, Environment.STAGING, 0.5);
        await().atMost(WAIT).until(() -> safety.tap.first(PreflightBlocked.class, id).isPresent());

        safety.target.answer(200);
        safety.target.answerAfter(1000); // every probe and the dry run take a second: the two preflights overlap
        try {
            String path = "/experiments/" + id + "/preflight";
            CompletableFuture<HttpResponse<String>> here = CompletableFuture.supplyAsync(() -> safety.post(path, ""));
            CompletableFuture<HttpResponse<String>> there = CompletableFuture.supplyAsync(() -> safety.postTo(other, path, ""));
            List<JsonNode> answers = List.of(passed(here.get()), passed(there.get()));

            assertThat(answers).extracting(a -> a.path("clearanceId").asText()).as("one clearance, both answered with it")
                    .doesNotContain("").containsOnly(answers.get(0).path("clearanceId").asText());
            PreflightPassed published = await().atMost(WAIT).until(() -> safety.tap.first(PreflightPassed.class, id)
                    .orElse(null), p -> p != null);
            assertThat(published.getClearance().getClearanceId()).hasToString(answers.get(0).path("clearanceId").asText());
            assertThat(safety.tap.events(PreflightPassed.class, id)).as("published once").hasSize(1);
        } finally {
            safety.target.answerAfter(0);
        }
    }

    /**
     * An operator moves the window on one instance while the other runs the experiment's preflight: the preflight,
     * passing, clears nothing (its run would start now, in the window just left), and the experiment waits for the new
     * window.
     */
    @Test
    void shouldNotClearARevisionWhoseWindowAnotherInstanceMovedWhileItsPreflightRan() throws Exception {
        String id = "exp-moved-" + safety.run;
        safety.target.answer(503);
        safety.propose(id, "orders-" + safety.run, Environment.STAGING, 0.5);
        await().atMost(WAIT).until(() -> safety.tap.first(PreflightBlocked.class, id).isPresent());

        safety.target.answer(200);
        safety.target.answerAfter(1000); // the rerun's probes and dry run take seconds
        try {
            int sent = safety.target.requests();
            CompletableFuture<HttpResponse<String>> rerun = CompletableFuture.supplyAsync(() ->
                    safety.post("/experiments/" + id + "/preflight", ""));
            await().atMost(WAIT).until(() -> safety.target.requests() > sent); // its preflight is under way
            Instant later = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
            HttpResponse<String> moved = safety.postTo(other, "/experiments/" + id + "/schedule",
                    "{\"at\":\"" + later + "\",\"reason\":\"after the release\"}");
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);

            HttpResponse<String> answer = rerun.get();
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
            assertThat(answer.body()).contains("was moved to", "while its preflight ran");
            assertThat(safety.get("/experiments/" + id + "/schedule").body()).contains(later.toString());
            assertThat(safety.tap.first(PreflightPassed.class, id)).as("no clearance for the window left").isEmpty();
        } finally {
            safety.target.answerAfter(0);
        }
    }

    private static JsonNode passed(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("outcome").asText()).as(answer.body()).isEqualTo("PASSED");
        return body;
    }
}
