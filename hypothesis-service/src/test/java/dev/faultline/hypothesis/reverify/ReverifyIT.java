package dev.faultline.hypothesis.reverify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.hypothesis.knowledge.KnowledgeFixtures;
import dev.faultline.hypothesis.support.Http;
import dev.faultline.hypothesis.support.ServiceUnderTest;
import dev.faultline.hypothesis.target.TargetsTest;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.kit.testing.EventTap;
import dev.faultline.kit.testing.ServiceProperties;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.ExperimentProposed;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.KnownBehaviourUpdated;
import dev.faultline.schemas.avro.ProposalReason;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.context.ApplicationContext;
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
 * The re-verifier against the devstack: a catalog entry catalog-service marked stale (looked at every second)
 * is proposed once, as a re-run of the experiment that established it, and drafted like any proposal; a fresh entry
 * is not proposed; neither a second look nor a restart proposes the stale one again.
 */
@ExtendWith(DevStackExtension.class)
class ReverifyIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Map<String, Object> SETTINGS = Map.of("faultline.reverify.every", "1s");
    private static DevStack devStack;
    private static ApplicationContext context;
    private static EventPublisher publisher;
    private static EventTap tap;

    @BeforeAll
    static void start(DevStack stack) {
        devStack = stack;
        context = ServiceUnderTest.start(stack, "reverify_it_" + RUN, "reverify-it-" + RUN, SETTINGS);
        publisher = EventPublisher.standalone(ServiceProperties.kafkaSettings(stack, "reverify-it"));
        tap = new EventTap(stack, List.of(Topics.PROPOSALS, Topics.HYPOTHESES));
    }

    @AfterAll
    static void stop() throws Exception {
        tap.close();
        publisher.close();
        context.close();
    }

    @Test
    void shouldProposeAStaleEntryOnceAndAFreshOneNever() {
        String service = "shop-" + RUN;
        publisher.publish("STAGING/" + service, TargetsTest.declared(Environment.STAGING, service, false));
        ServiceUnderTest.awaitTarget(context, devStack, service);
        String established = "exp-established-" + RUN;
        publisher.publish(ServiceUnderTest.proposal(established, service, FaultType.NETWORK_BLACKHOLE,
                "pricing outages must not take the shop down"));
        await().atMost(WAIT).until(() -> tap.first(HypothesisDrafted.class, established).isPresent());

        publisher.publish(service + "|NETWORK_BLACKHOLE", entry(service, FaultType.NETWORK_BLACKHOLE, established,
                Instant.now().minus(Duration.ofDays(2)), "last tested 2 days ago (max 1 day)"));
        publisher.publish(service + "|NETWORK_LATENCY", entry(service, FaultType.NETWORK_LATENCY, established,
                Instant.now(), null));

        ExperimentProposed rerun = await().atMost(WAIT).until(() -> reverifications(service), l -> !l.isEmpty()).get(0);
        String id = rerun.getHeader().getExperimentId();
        assertThat(id).startsWith("reverify-");
        assertThat(rerun.getHeader().getActor().getId()).isEqualTo("hypothesis-service");
        assertThat(rerun.getMotivation()).contains(service + "|NETWORK_BLACKHOLE").contains("re-running " + established);
        assertThat(rerun.getFaultType()).isEqualTo(FaultType.NETWORK_BLACKHOLE);
        assertThat(rerun.getDependency()).isEqualTo("pricing");
        assertThat(await().atMost(WAIT).until(() -> tap.first(HypothesisDrafted.class, id).orElse(null), d -> d != null)
                .getRevision()).as("drafted like any proposal, for review").isEqualTo(1);
        await().during(Duration.ofSeconds(4)).atMost(WAIT).until(() -> reverifications(service).size() == 1);
        String listed = new Http(ServiceUnderTest.baseUrl(context), devStack.issuer().token("erin"))
                .get("/reverifications").body();
        assertThat(listed).contains("\"behaviourKey\":\"" + service + "|NETWORK_BLACKHOLE\"")
                .contains("\"state\":\"PROPOSED\"").contains("\"experimentId\":\"" + id + "\"")
                .contains("\"behaviourKey\":\"" + service + "|NETWORK_LATENCY\"").contains("\"state\":\"FRESH\"");

        context.close();
        context = ServiceUnderTest.start(devStack, "reverify_it_" + RUN, "reverify-it-" + RUN, SETTINGS);

        await().during(Duration.ofSeconds(8)).atMost(WAIT).until(() -> reverifications(service).size() == 1);
    }

    private static List<ExperimentProposed> reverifications(String service) {
        return tap.all().stream().filter(e -> e instanceof ExperimentProposed).map(e -> (ExperimentProposed) e)
                .filter(p -> p.getReason() == ProposalReason.STALE_KNOWLEDGE && p.getService().equals(service)).toList();
    }

    private static KnownBehaviourUpdated entry(String service, FaultType type, String experimentId, Instant lastTested,
                                               String staleReason) {
        KnownBehaviourUpdated entry = staleReason == null ? KnowledgeFixtures.latencyKnown(service, lastTested)
                : KnowledgeFixtures.staleLatencyKnown(service, lastTested, staleReason);
        entry.setBehaviourKey(service + "|" + type);
        entry.setFaultType(type);
        entry.setExperimentIds(List.of(experimentId));
        return entry;
    }
}
