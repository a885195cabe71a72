package dev.faultline.injector.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.injector.Fixtures;
import dev.faultline.injector.run.InjectorInstance;
import dev.faultline.injector.run.RunStore;
import dev.faultline.kit.testing.ServiceProperties;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.kit.testing.Keyspaces;
import dev.faultline.schemas.avro.DeadLetter;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.FaultDirection;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.avro.PreflightPassed;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An injector that died mid-injection left faults (an L4 toxic and an L7 rule, long leases) and its active-injection
 * row: the same instance, restarted, removes them at start-up and reports the injection LOST with the rollback
 * verified; another instance does so only once the dead one's heartbeat has stood still and its consumer has left
 * the group, and never for a live one. An injector whose keyspace
 * is dropped restores from the topics which clearances ran, and runs none of them again.
 */
@ExtendWith(DevStackExtension.class)
class RecoveryIT {

    @Test
    void shouldRemoveALeftOverFaultAndReportItLostAtOnceWhenItsOwnInstanceRestarts(DevStack stack) throws Exception {
        String suffix = "rec" + UUID.randomUUID().toString().substring(0, 8);
        String exp = "exp-lost-" + suffix;
        UUID injectionId = UUID.randomUUID();
        String holder = "injector:" + injectionId;
        try (TestTarget target = new TestTarget("pricing");
             EventTap tap = new EventTap(stack, List.of(Topics.Names.INJECTIONS))) {
            target.call("POST", "/proxies/pricing/toxics", "{\"name\":\"left-over\",\"type\":\"timeout\",\"stream\":\"upstream\","
                    + "\"attributes\":{\"timeout\":0},\"lease\":{\"holder\":\"" + holder + "\",\"ttl_ms\":600000}}");
            target.call("POST", "/http-proxies/pricing-http/rules", "{\"name\":\"left-over-rule\",\"type\":\"respond\","
                    + "\"attributes\":{\"status\":503},\"lease\":{\"holder\":\"" + holder + "\",\"ttl_ms\":600000}}");
            assertThat(target.toxics()).contains("left-over");
            assertThat(target.rules()).contains("left-over-rule");
            String instance = "injector-1-" + suffix;
            try (Journal previousLife = Journal.of(stack, "injector_" + suffix, instance)) {
                previousLife.store().beat(Instant.now(), null);
                previousLife.record(injectionId, exp, holder);
            }

            Map<String, Object> props = InjectorProperties.of(stack, target, suffix);
            props.put("faultline.injector.instance.id", instance);
            // long enough that only the start-up's own-runs path can close it within the wait below
            props.put("faultline.injector.instance.dead-after", "120s");
            try (ApplicationContext context = ApplicationContext.run(EmbeddedServer.class, props).getApplicationContext()) {
                await().atMost(Duration.ofSeconds(30)).until(() -> !tap.of(exp, InjectionStopped.class).isEmpty());
                InjectionStopped stopped = tap.of(exp, InjectionStopped.class).get(0);
                assertThat(stopped.getReason()).isEqualTo(StopReason.LOST);
                assertThat(stopped.getInjectionId()).isEqualTo(injectionId);
                assertThat(stopped.getRollbackVerified()).isTrue();
                assertThat(stopped.getDetail()).contains("died").contains("instance " + instance)
                        .contains("l4/pricing/toxics/left-over").contains("l7/pricing-http/rules/left-over-rule");
                assertThat(stopped.getEvidenceBatches()).isNull();
                assertThat(target.toxics()).isEqualTo("[]");
                assertThat(target.rules()).isEqualTo("[]");
                assertThat(context.getBean(RunStore.class).active()).isEmpty();
            }
        }
    }

    /**
     * Three other instances recorded a run each: one still beating; one silent in the store but whose consumer is
     * still a member of the injectors' group (alive, cut off from Cassandra); one silent and gone. A fourth instance
     * starting closes the gone one's run once its heartbeat has stood still for dead-after, and leaves the other two
     * runs and their faults alone — the cut-off one's for as long as its consumer stays in the group. An instance
     * started under the beating one's name refuses to start. Once the cut-off one leaves the group and the beating one
     * stops beating, both runs are closed, each once.
     */
    @Test
    void shouldCloseOnlyTheRunsOfAnInstanceSilentInTheStoreAndGoneFromItsConsumerGroup(DevStack stack)
            throws Exception {
        String suffix = "own" + UUID.randomUUID().toString().substring(0, 8);
        String keyspace = "injector_" + suffix;
        String liveExp = "exp-live-" + suffix;
        String cutExp = "exp-cut-" + suffix;
        String deadExp = "exp-dead-" + suffix;
        UUID liveId = UUID.randomUUID();
        UUID cutId = UUID.randomUUID();
        UUID deadId = UUID.randomUUID();
        ScheduledExecutorService beating = Executors.newSingleThreadScheduledExecutor();
        try (TestTarget target = new TestTarget("pricing");
             EventTap tap = new EventTap(stack, List.of(Topics.Names.INJECTIONS));
             Journal live = Journal.of(stack, keyspace, "injector-live-" + suffix);
             Journal cut = Journal.of(stack, keyspace, "injector-cut-" + suffix);
             Journal dead = Journal.of(stack, keyspace, "injector-dead-" + suffix);
             GroupMember cutOffProcess = GroupMember.join(stack, InjectorProperties.group(suffix) + "-safety",
                     Topics.Names.SAFETY)) {
            for (UUID id : List.of(liveId, cutId, deadId)) {
                target.call("POST", "/proxies/pricing/toxics", "{\"name\":\"t-" + id + "\",\"type\":\"timeout\","
                        + "\"stream\":\"upstream\",\"attributes\":{\"timeout\":0},\"lease\":{\"holder\":\"injector:" + id
                        + "\",\"ttl_ms\":600000}}");
            }
            dead.store().beat(Instant.now(), null); // and never again
            dead.record(deadId, deadExp, "injector:" + deadId);
            cut.store().beat(Instant.now(), cutOffProcess.memberId()); // never again either: Cassandra is out of reach
            cut.record(cutId, cutExp, "injector:" + cutId);
            live.record(liveId, liveExp, "injector:" + liveId);
            beating.scheduleAtFixedRate(() -> live.store().beat(Instant.now(), null), 0, 200, TimeUnit.MILLISECONDS);

            Map<String, Object> props = InjectorProperties.of(stack, target, suffix);
            props.put("faultline.injector.instance.heartbeat", "200ms");
            props.put("faultline.injector.instance.dead-after", "2s");
            try (ApplicationContext context = ApplicationContext.run(EmbeddedServer.class, props).getApplicationContext()) {
                await().atMost(Duration.ofSeconds(30)).until(() -> !tap.of(deadExp, InjectionStopped.class).isEmpty());
                InjectionStopped closed = tap.of(deadExp, InjectionStopped.class).get(0);
                assertThat(closed.getReason()).isEqualTo(StopReason.LOST);
                assertThat(closed.getRollbackVerified()).isTrue();
                assertThat(closed.getDetail()).contains("(injector-dead-" + suffix + ") died: its heartbeat stood still for 2 s")
                        .contains("instance " + context.getBean(InjectorInstance.class).id() + " found that")
                        .contains("t-" + deadId);
                assertThat(target.toxics()).doesNotContain("t-" + deadId);

                // the dead one was closed, so the watch has run for dead-after; the other two stay alone however long
                await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    assertThat(tap.of(liveExp, InjectionStopped.class)).as("a live instance's run").isEmpty();
                    assertThat(tap.of(cutExp, InjectionStopped.class)).as("a cut-off instance's run").isEmpty();
                    assertThat(target.toxics()).as("their faults").contains("t-" + liveId).contains("t-" + cutId);
                });

                Map<String, Object> sameName = new HashMap<>(props);
                sameName.put("faultline.injector.instance.id", "injector-live-" + suffix);
                sameName.put("micronaut.server.port", -1);
                assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class, sameName).close())
                        .as("an instance started under the live one's name")
                        .hasStackTraceContaining("another injector instance is alive as 'injector-live-" + suffix + "'");
                assertThat(tap.of(liveExp, InjectionStopped.class)).as("the live one's run, after that start").isEmpty();
                assertThat(target.toxics()).contains("t-" + liveId);

                cutOffProcess.close(); // the cut-off instance dies: its consumer leaves the group
                beating.shutdownNow(); // and so does the live one
                await().atMost(Duration.ofSeconds(30)).until(() -> !tap.of(liveExp, InjectionStopped.class).isEmpty()
                        && !tap.of(cutExp, InjectionStopped.class).isEmpty());
                for (String exp : List.of(liveExp, cutExp)) {
                    assertThat(tap.of(exp, InjectionStopped.class)).singleElement()
                            .satisfies(stopped -> assertThat(stopped.getReason()).isEqualTo(StopReason.LOST));
                }
                assertThat(target.toxics()).isEqualTo("[]");
                assertThat(context.getBean(RunStore.class).active()).isEmpty();
                assertThat(tap.of(deadExp, InjectionStopped.class)).as("closed once").hasSize(1);
            }
        } finally {
            beating.shutdownNow();
        }
    }

    @Test
    void shouldRunNoClearanceAgainAfterItsKeyspaceIsDroppedAndTheServiceRestartsInTheSameGroups(DevStack stack)
            throws Exception {
        String suffix = "reb" + UUID.randomUUID().toString().substring(0, 8);
        String exp = "exp-ran-" + suffix;
        String next = "exp-next-" + suffix;
        Map<String, Object> props;
        try (TestTarget target = new TestTarget("pricing");
             EventTap tap = new EventTap(stack, List.of(Topics.Names.INJECTIONS, Topics.Names.DEAD_LETTERS));
             EventPublisher publisher = EventPublisher.standalone(ServiceProperties.kafkaSettings(stack, "injector-it"))) {
            props = InjectorProperties.of(stack, target, suffix);
            PreflightPassed cleared = approveAndClear(publisher, exp, target, suffix);
            String before;
            try (ApplicationContext context = ApplicationContext.run(EmbeddedServer.class, props).getApplicationContext()) {
                publisher.publish(cleared);
                await().atMost(Duration.ofSeconds(30)).until(() -> !tap.of(exp, InjectionStopped.class).isEmpty());
                before = get(context, "/injections");
            }
            Keyspaces.drop(stack, "injector_" + suffix);

            try (ApplicationContext context = ApplicationContext.run(EmbeddedServer.class, props).getApplicationContext()) {
                publisher.publish(cleared); // redelivered, still fresh: it ran once, so it must not run again
                publisher.publish(approveAndClear(publisher, next, target, suffix));
                await().atMost(Duration.ofSeconds(30)).until(() -> !tap.of(next, InjectionStopped.class).isEmpty());
                assertThat(tap.of(next, InjectionStopped.class).get(0).getReason()).as("the rebuilt plans still run")
                        .isEqualTo(StopReason.COMPLETED);
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    assertThat(tap.of(exp, InjectionStarted.class)).as("the clearance ran once").hasSize(1);
                    assertThat(tap.of(exp, DeadLetter.class)).as("a redelivery is ignored, not refused").isEmpty();
                });
                assertThat(get(context, "/injections")).isEqualTo(before);
                assertThat(context.getBean(RunStore.class).claimedBy(cleared.getClearance().getClearanceId()))
                        .contains(tap.of(exp, InjectionStarted.class).get(0).getInjectionId());
            }
        }
    }

    private static PreflightPassed approveAndClear(EventPublisher publisher, String exp, TestTarget target, String suffix) {
        Hypothesis hypothesis = Fixtures.hypothesis(Fixtures.fault(FaultType.NETWORK_BLACKHOLE, FaultDirection.UPSTREAM,
                1000, Map.of()), List.of(Fixtures.probe("product-reads", target.url("/products/sku-1"), 100, 400)), List.of());
        EventHeader header = EventHeaders.first(exp, Actors.service("hypothesis-service"), Clock.systemUTC());
        publisher.publish(HypothesisDrafted.newBuilder().setHeader(header).setRevision(1).setHypothesis(hypothesis)
                .setChangeSummary(null).setWarnings(List.of()).build());
        publisher.publish(PlanApproved.newBuilder().setHeader(header).setRevision(1)
                .setReviewers(List.of(Actors.person("bob"))).build());
        return Fixtures.signedPreflight(exp, 1, InjectorProperties.keys(suffix));
    }

    private static String get(ApplicationContext context, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort() + path);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                .header("authorization", "Bearer " + DevStack.shared().issuer().token("erin")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
