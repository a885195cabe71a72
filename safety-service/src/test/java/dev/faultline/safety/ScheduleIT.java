package dev.faultline.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.safety.support.SafetyHarness;
import dev.faultline.schemas.avro.CheckOutcome;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.ExperimentScheduled;
import dev.faultline.schemas.avro.PreflightBlocked;
import dev.faultline.schemas.avro.PreflightCheckKind;
import dev.faultline.schemas.avro.PreflightCheckResult;
import dev.faultline.schemas.avro.PreflightPassed;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deferred starts against the devstack: a plan whose proposal asked for a window is scheduled on approval and its
 * preflight runs at the window's start, not before; a window that passes without a passing preflight ends the
 * experiment with its reason; a moved window runs the preflight at the new start; a schedule survives a restart, and
 * an old schedule read again does not reopen it; a window too short for the run is blocked at once, and a later
 * revision with no window runs; a preflight that passes only after the latest start blocks instead of clearing.
 * The harness's plans run 30 s, and a run needs 60 s more to be stopped: a window of start + 93 s has 3 s to start.
 */
@ExtendWith(DevStackExtension.class)
class ScheduleIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration RUN_AND_SLACK = Duration.ofSeconds(90);
    private static SafetyHarness safety;

    @BeforeAll
    static void start(DevStack stack) {
        safety = new SafetyHarness(stack, Map.of("faultline.safety.schedule.retry-every", "2s"));
    }

    @AfterAll
    static void stop() throws Exception {
        safety.close();
    }

    @Test
    void shouldScheduleADeferredPlanAndRunItsPreflightAtTheStartNotBefore() {
        String id = "exp-deferred-" + safety.run;
        Instant start = Instant.now().plusSeconds(8);
        Instant end = start.plus(RUN_AND_SLACK).plusSeconds(60);
        safety.proposeIn(id, service(id), Environment.STAGING, start, end);

        ExperimentScheduled scheduled = await().atMost(WAIT).until(() -> safety.tap.first(ExperimentScheduled.class, id)
                .orElse(null), e -> e != null);
        assertThat(scheduled.getDeferred()).isTrue();
        assertThat(scheduled.getWindowStart()).isEqualTo(start.truncatedTo(ChronoUnit.MILLIS));
        assertThat(scheduled.getReason()).contains("the preflight runs at");
        assertThat(safety.get("/schedules").body()).contains(id).contains("\"state\":\"WAITING\"");
        assertThat(safety.post("/experiments/" + id + "/preflight", "").statusCode()).isEqualTo(409);
        assertThat(safety.tap.first(PreflightPassed.class, id)).isEmpty();

        PreflightPassed passed = await().atMost(WAIT).until(() -> safety.tap.first(PreflightPassed.class, id)
                .orElse(null), p -> p != null);
        assertThat(passed.getChecks().get(0).getCheckedAt()).isAfterOrEqualTo(start.truncatedTo(
                ChronoUnit.MILLIS));
        assertThat(passed.getChecks()).extracting(PreflightCheckResult::getKind).contains(PreflightCheckKind.SCHEDULE_WINDOW);
        assertThat(passed.getClearance().getExpiresAt()).isBeforeOrEqualTo(end.minus(RUN_AND_SLACK));
        assertThat(safety.tap.events(PreflightBlocked.class, id)).isEmpty();
        await().atMost(WAIT).untilAsserted(() -> assertThat(safety.get("/schedules").body()).doesNotContain(id));
        assertThat(safety.post(safety.token("alice"), "/experiments/" + id + "/schedule",
                "{\"at\":\"" + Instant.now().plusSeconds(3600) + "\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void shouldEndAnExperimentWhoseWindowPassesWithoutAPassingPreflight() {
        String id = "exp-window-ends-" + safety.run;
        assertThat(safety.post("/halts", "{\"scope\":\"EXPERIMENT\",\"experimentId\":\"" + id
                + "\",\"reason\":\"hold it\"}").statusCode()).isEqualTo(202);
        Instant start = Instant.now().plusSeconds(5);
        safety.proposeIn(id, service(id), Environment.STAGING, start, start.plus(RUN_AND_SLACK).plusSeconds(4));

        PreflightBlocked first = await().atMost(WAIT).until(() -> safety.tap.first(PreflightBlocked.class, id)
                .orElse(null), b -> b != null);
        assertThat(first.getSummary()).contains("NO_ACTIVE_HALT");
        List<PreflightBlocked> blocks = await().atMost(WAIT).until(() -> safety.tap.events(PreflightBlocked.class, id),
                b -> b.size() == 2);
        PreflightBlocked ended = blocks.get(1);
        assertThat(ended.getSummary()).contains("ended without a passing preflight")
                .contains("the last preflight in the window").contains("NO_ACTIVE_HALT");
        assertThat(ended.getChecks()).singleElement().satisfies(c -> {
            assertThat(c.getKind()).isEqualTo(PreflightCheckKind.SCHEDULE_WINDOW);
            assertThat(c.getOutcome()).isEqualTo(CheckOutcome.FAILED);
        });
        await().atMost(WAIT).untilAsserted(() -> assertThat(safety.get("/experiments/" + id + "/schedule").body())
                .contains("\"state\":\"ENDED\""));
        assertThat(safety.tap.first(PreflightPassed.class, id)).isEmpty();
    }

    @Test
    void shouldRunThePreflightAtTheNewStartWhenTheWindowMoves() {
        String id = "exp-moved-" + safety.run;
        Instant farAway = Instant.now().plus(Duration.ofDays(2));
        safety.proposeIn(id, service(id), Environment.STAGING, farAway, null);
        await().atMost(WAIT).until(() -> safety.tap.first(ExperimentScheduled.class, id).isPresent());

        assertThat(safety.post(safety.token("erin"), "/experiments/" + id + "/schedule",
                "{\"at\":\"" + Instant.now() + "\"}").statusCode()).isEqualTo(403);
        assertThat(safety.post("/experiments/" + id + "/schedule", "{\"windowStart\":\"" + Instant.now().plusSeconds(5)
                + "\",\"windowEnd\":\"" + Instant.now().plusSeconds(30) + "\"}").body()).contains("cannot hold a run");
        Instant moved = Instant.now().plusSeconds(5);
        var answer = safety.post(safety.token("alice"), "/experiments/" + id + "/schedule",
                "{\"at\":\"" + moved + "\",\"reason\":\"sooner\"}");
        assertThat(answer.statusCode()).isEqualTo(200);

        List<ExperimentScheduled> schedules = await().atMost(WAIT).until(
                () -> safety.tap.events(ExperimentScheduled.class, id), s -> s.size() >= 2);
        assertThat(schedules.get(1).getReason()).contains("moved by alice: sooner");
        assertThat(schedules.get(1).getHeader().getActor().getId()).isEqualTo("alice");
        PreflightPassed passed = await().atMost(WAIT).until(() -> safety.tap.first(PreflightPassed.class, id)
                .orElse(null), p -> p != null);
        assertThat(passed.getChecks().get(0).getCheckedAt()).isAfterOrEqualTo(moved.truncatedTo(
                ChronoUnit.MILLIS)).isBefore(farAway);
    }

    @Test
    void shouldNotReopenAClearedWindowWhenItsScheduleIsReadAgain() {
        String id = "exp-replayed-" + safety.run;
        Instant start = Instant.now().plusSeconds(3);
        safety.proposeIn(id, service(id), Environment.STAGING, start, start.plus(RUN_AND_SLACK).plusSeconds(60));
        await().atMost(WAIT).until(() -> safety.tap.first(PreflightPassed.class, id).isPresent());
        ExperimentScheduled deferred = safety.tap.first(ExperimentScheduled.class, id).orElseThrow();
        assertThat(deferred.getDeferred()).isTrue();

        safety.publisher.publish(deferred);
        safety.restart();

        assertThat(safety.get("/experiments/" + id + "/schedule").body()).as("read again after its clearance")
                .contains("\"state\":\"CLEARED\"");
        assertThat(safety.get("/schedules").body()).doesNotContain(id);
    }

    @Test
    void shouldBlockAWindowTooShortForTheRunAtOnceAndRunALaterRevisionWithoutAWindow() {
        String id = "exp-too-short-" + safety.run;
        Instant start = Instant.now().plus(Duration.ofHours(1));
        safety.proposeIn(id, service(id), Environment.STAGING, start, start.plusSeconds(60));

        PreflightBlocked blocked = await().atMost(WAIT).until(() -> safety.tap.first(PreflightBlocked.class, id)
                .orElse(null), b -> b != null);
        assertThat(blocked.getSummary()).contains("cannot hold a run of 30 s plus 60 s");
        assertThat(blocked.getChecks()).singleElement().satisfies(c -> {
            assertThat(c.getKind()).isEqualTo(PreflightCheckKind.SCHEDULE_WINDOW);
            assertThat(c.getOutcome()).isEqualTo(CheckOutcome.FAILED);
        });

        safety.revise(id, 2, safety.hypothesis(service(id), Environment.STAGING, 0.5));

        PreflightPassed passed = await().atMost(WAIT).until(() -> safety.tap.first(PreflightPassed.class, id)
                .orElse(null), p -> p != null);
        assertThat(passed.getRevision()).isEqualTo(2);
    }

    @Test
    void shouldBlockInsteadOfClearingWhenThePreflightEndsAfterTheLatestStart() {
        String id = "exp-slow-preflight-" + safety.run;
        Instant start = Instant.now().plusSeconds(5);
        safety.target.answerAfter(2000);
        try {
            safety.proposeIn(id, service(id), Environment.STAGING, start, start.plus(RUN_AND_SLACK).plusSeconds(3));

            PreflightBlocked blocked = await().atMost(WAIT).until(() -> safety.tap.first(PreflightBlocked.class, id)
                    .orElse(null), b -> b != null);
            assertThat(blocked.getSummary()).contains("ended without a passing preflight");
            assertThat(blocked.getChecks()).singleElement().satisfies(c -> {
                assertThat(c.getKind()).isEqualTo(PreflightCheckKind.SCHEDULE_WINDOW);
                assertThat(c.getOutcome()).isEqualTo(CheckOutcome.FAILED);
            });
            assertThat(safety.tap.first(PreflightPassed.class, id)).as("no clearance born expired").isEmpty();
        } finally {
            safety.target.answerAfter(0);
        }
    }

    @Test
    void shouldKeepAScheduledStartAcrossARestartFromItsTopic() {
        String id = "exp-restart-" + safety.run;
        Instant start = Instant.now().plusSeconds(25);
        safety.proposeIn(id, service(id), Environment.STAGING, start, null);
        await().atMost(WAIT).until(() -> safety.tap.first(ExperimentScheduled.class, id).isPresent());
        assertThat(safety.tap.first(PreflightPassed.class, id)).isEmpty();

        safety.restartWithoutItsKeyspace();

        assertThat(safety.get("/experiments/" + id + "/schedule").body()).as("rebuilt from faultline.safety")
                .contains("\"experimentId\":\"" + id + "\"").contains("\"windowStart\":\"" + start.truncatedTo(
                        ChronoUnit.MILLIS) + "\"");
        PreflightPassed passed = await().atMost(WAIT).until(() -> safety.tap.first(PreflightPassed.class, id)
                .orElse(null), p -> p != null);
        assertThat(passed.getChecks().get(0).getCheckedAt()).isAfterOrEqualTo(start.truncatedTo(
                ChronoUnit.MILLIS));
    }

    /** Each experiment on a service of its own: a clearance keeps its service until it is used or expires. */
    private static String service(String experimentId) {
        return "storefront-" + experimentId;
    }
}
