package dev.faultline.injector.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.issuer.LocalIssuer;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.injector.Fixtures;
import dev.faultline.injector.run.InjectorInstance;
import dev.faultline.injector.run.RunStore;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.kit.testing.ListenerAssignments;
import dev.faultline.kit.testing.PartitionedKeys;
import dev.faultline.kit.testing.ServiceProperties;
import dev.faultline.schemas.avro.FaultDirection;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.HaltRequested;
import dev.faultline.schemas.avro.HaltScope;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances of injector-service in one consumer group, keyspace and data plane, against the real devstack: the
 * clearances' partitions are split between them, a clearance delivered twice is injected once, a halt — on the
 * one-partition faultline.control — reaches whichever instance runs the injection, and an instance cut off from
 * Cassandra mid-run (the first reaches it through a proxy the test blackholes) keeps its run: the other leaves it
 * alone, and the run ends once, COMPLETED.
 */
@ExtendWith(DevStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInjectorsIT {

    /** The proxy the first instance reaches Cassandra through. */
    private static final String CASSANDRA_LINK = "cassandra-first";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final HttpClient http = HttpClient.newHttpClient();
    private TestTarget target;
    private ApplicationContext first;
    private ApplicationContext second;
    private EventPublisher publisher;
    private EventTap tap;
    private LocalIssuer issuer;

    @BeforeAll
    void start(DevStack stack) {
        issuer = stack.issuer();
        target = new TestTarget("pricing");
        Map<String, Object> props = InjectorProperties.of(stack, target, "two" + run);
        props.put("faultline.injector.instance.dead-after", "4s"); // the cut below outlasts it well within the fault
        Map<String, Object> throughLink = new HashMap<>(props);
        throughLink.put("faultline.cassandra.contact-point", target.proxy(CASSANDRA_LINK, stack.cassandra().address()));
        first = ApplicationContext.run(EmbeddedServer.class, throughLink).getApplicationContext();
        second = ApplicationContext.run(EmbeddedServer.class, props).getApplicationContext();
        publisher = EventPublisher.standalone(ServiceProperties.kafkaSettings(stack, "injector-it"));
        tap = new EventTap(stack, List.of(Topics.Names.INJECTIONS));
    }

    @AfterAll
    void stop() throws Exception {
        tap.close();
        publisher.close();
        second.close();
        first.close();
        target.close();
    }

    @Test
    void shouldSplitTheClearancesInjectEachOnceAndHaltWhereverItRuns() throws Exception {
        // both instances own part of faultline.safety (6 partitions), none owns it whole
        ListenerAssignments.awaitSplit(first, second, TwoInjectorsIT::safetyPartitions, Duration.ofSeconds(30));
        assertThat(safetyPartitions(first)).doesNotContainAnyElementsOf(safetyPartitions(second));
        // the halt listener is the exception: each instance reads faultline.control whole, in a group of its own
        assertThat(ListenerAssignments.partitions(first, Topics.Names.CONTROL)).hasSize(1);
        assertThat(ListenerAssignments.partitions(second, Topics.Names.CONTROL)).hasSize(1);

        // one experiment on a partition of each instance
        String onFirst = experimentOn(safetyPartitions(first), "exp-first-");
        String onSecond = experimentOn(safetyPartitions(second), "exp-second-");
        for (String exp : List.of(onFirst, onSecond)) {
            PreflightPassed passed = approveAndClear(exp);
            publisher.publish(passed);
            publisher.publish(passed); // redelivered: still one run
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> tap.of(onFirst, InjectionStarted.class).size()
                + tap.of(onSecond, InjectionStarted.class).size() == 2);
        assertThat(get(first, "/injections")).contains(onFirst).doesNotContain(onSecond);
        assertThat(get(second, "/injections")).contains(onSecond).doesNotContain(onFirst);
        // either instance names the instance running each run, with the detail of its own runs only
        for (ApplicationContext asked : List.of(first, second)) {
            JsonNode all = JSON.readTree(get(asked, "/injections?scope=all"));
            for (ApplicationContext runner : List.of(first, second)) {
                String exp = runner == first ? onFirst : onSecond;
                JsonNode run = only(all, exp);
                assertThat(run.get("instance").asText()).isEqualTo(instanceOf(runner));
                assertThat(run.hasNonNull("instanceBeatAt")).isTrue();
                assertThat(run.hasNonNull("here")).as("detail of %s asked of its runner or not", exp)
                        .isEqualTo(asked == runner);
            }
        }
        HttpResponse<String> wrongScope = send(first, "/injections?scope=everywhere");
        assertThat(wrongScope.statusCode()).isEqualTo(400);
        assertThat(wrongScope.body()).contains("[instance, all]");

        for (String exp : List.of(onFirst, onSecond)) {
            publisher.publish(exp, HaltRequested.newBuilder()
                    .setHeader(EventHeaders.first(exp, Actors.person("operator"), Clock.systemUTC()))
                    .setHaltId(UUID.randomUUID()).setScope(HaltScope.EXPERIMENT).setEnvironment(null)
                    .setReason("pager went off").build());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !tap.of(onFirst, InjectionStopped.class).isEmpty()
                && !tap.of(onSecond, InjectionStopped.class).isEmpty());
        for (String exp : List.of(onFirst, onSecond)) {
            InjectionStopped stopped = tap.of(exp, InjectionStopped.class).get(0);
            assertThat(stopped.getReason()).as(exp).isEqualTo(StopReason.HALTED);
            assertThat(stopped.getRollbackVerified()).as(exp).isTrue();
            assertThat(Duration.between(stopped.getStartedAt(), stopped.getStoppedAt()).toMillis()).as(exp)
                    .isLessThan(15_000);
        }
        for (String exp : List.of(onFirst, onSecond)) {
            assertThat(tap.of(exp, InjectionStarted.class)).as(exp).hasSize(1);
            assertThat(tap.of(exp, InjectionStopped.class)).as(exp).hasSize(1);
        }
        assertThat(target.toxics()).isEqualTo("[]");
    }

    @Test
    void shouldLeaveARunToItsInstanceCutOffFromCassandraAndEndItOnce() throws Exception {
        ListenerAssignments.awaitSplit(first, second, TwoInjectorsIT::safetyPartitions, Duration.ofSeconds(30));
        String exp = experimentOn(safetyPartitions(first), "exp-cut-");
        publisher.publish(approveAndClear(exp, 12_000));
        await().atMost(Duration.ofSeconds(30)).until(() -> !tap.of(exp, InjectionStarted.class).isEmpty());
        String firstId = instanceOf(first);
        RunStore seenBySecond = second.getBean(RunStore.class);

        target.call("POST", "/proxies/" + CASSANDRA_LINK + "/toxics", "{\"name\":\"cut\",\"type\":\"timeout\","
                + "\"stream\":\"upstream\",\"attributes\":{\"timeout\":0}}");
        try {
            // the first instance's heartbeat stands still in the store for longer than the second's dead-after (a beat
            // already on its way when the link was cut may still land: the stillness counts from the last change)
            AtomicReference<Instant> lastBeat = new AtomicReference<>(seenBySecond.beats().get(firstId));
            await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10)).until(() -> {
                Instant beat = seenBySecond.beats().get(firstId);
                return Objects.equals(beat, lastBeat.getAndSet(beat));
            });
            // cut off from the store, the first still lists its own run and says why it cannot list the others'
            assertThat(get(first, "/injections")).contains(exp);
            HttpResponse<String> all = send(first, "/injections?scope=all");
            assertThat(all.statusCode()).as(all.body()).isEqualTo(503);
            assertThat(all.body()).contains("store (Cassandra) did not answer");
            await().atMost(Duration.ofSeconds(30)).until(() -> !tap.of(exp, InjectionStopped.class).isEmpty());
        } finally {
            target.call("DELETE", "/proxies/" + CASSANDRA_LINK + "/toxics/cut", null);
        }
        InjectionStopped stopped = tap.of(exp, InjectionStopped.class).get(0);
        assertThat(stopped.getReason()).as(stopped.getDetail()).isEqualTo(StopReason.COMPLETED);
        assertThat(stopped.getRollbackVerified()).isTrue();
        // with the link mended, the first forgets its run; nobody reports it a second time
        await().atMost(Duration.ofSeconds(60)).until(() -> seenBySecond.active().stream()
                .noneMatch(owned -> owned.record().experimentId().equals(exp)));
        assertThat(tap.of(exp, InjectionStopped.class)).as("stops of the run").hasSize(1);
        assertThat(target.toxics()).isEqualTo("[]");
    }

    private PreflightPassed approveAndClear(String experimentId) {
        return approveAndClear(experimentId, 20_000);
    }

    private PreflightPassed approveAndClear(String experimentId, long faultMillis) {
        Hypothesis hypothesis = Fixtures.hypothesis(
                Fixtures.fault(FaultType.NETWORK_BLACKHOLE, FaultDirection.UPSTREAM, faultMillis, Map.of()),
                List.of(Fixtures.probe("product-reads", target.url("/products/sku-1"), 100, 400)), List.of());
        publisher.publish(HypothesisDrafted.newBuilder()
                .setHeader(EventHeaders.first(experimentId, Actors.service("hypothesis-service"), Clock.systemUTC()))
                .setRevision(1).setHypothesis(hypothesis).setChangeSummary(null).setWarnings(List.of()).build());
        publisher.publish(PlanApproved.newBuilder()
                .setHeader(EventHeaders.first(experimentId, Actors.service("hypothesis-service"), Clock.systemUTC()))
                .setRevision(1).setReviewers(List.of(Actors.person("bob"))).build());
        return Fixtures.signedPreflight(experimentId, 1, InjectorProperties.keys("two" + run));
    }

    /** An experiment id of this run on one of {@code partitions}. */
    private String experimentOn(Set<Integer> partitions, String prefix) {
        return PartitionedKeys.keyOn(partitions, prefix + run + "-");
    }

    private static Set<Integer> safetyPartitions(ApplicationContext context) {
        return ListenerAssignments.partitions(context, Topics.Names.SAFETY);
    }

    private String get(ApplicationContext context, String path) throws Exception {
        return send(context, path).body();
    }

    private HttpResponse<String> send(ApplicationContext context, String path) throws Exception {
        int port = context.getBean(EmbeddedServer.class).getPort();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("authorization", "Bearer " + issuer.token("erin")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String instanceOf(ApplicationContext context) {
        return context.getBean(InjectorInstance.class).id();
    }

    /** The one entry of {@code experimentId} in a {@code GET /injections?scope=all} answer. */
    private static JsonNode only(JsonNode all, String experimentId) {
        List<JsonNode> entries = new ArrayList<>();
        all.forEach(entry -> {
            if (entry.get("experimentId").asText().equals(experimentId)) {
                entries.add(entry);
            }
        });
        assertThat(entries).as("entries of %s in %s", experimentId, all).hasSize(1);
        return entries.get(0);
    }
}
