package dev.faultline.hypothesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.hypothesis.support.Http;
import dev.faultline.hypothesis.support.ServiceUnderTest;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.kit.testing.EventTap;
import dev.faultline.kit.testing.ListenerAssignments;
import dev.faultline.kit.testing.PartitionedKeys;
import dev.faultline.kit.testing.ServiceProperties;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances of hypothesis-service in one consumer group and keyspace: each drafts the proposals of its own
 * partitions, and either answers for every experiment — its hypothesis, and a review of a plan the other drafted.
 */
@ExtendWith(DevStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoHypothesesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private DevStack stack;
    private ApplicationContext first;
    private ApplicationContext second;
    private EventPublisher publisher;
    private EventTap tap;

    @BeforeAll
    void start(DevStack devStack) {
        stack = devStack;
        first = ServiceUnderTest.start(stack, "hypothesis_two_" + run, "hypothesis-two-" + run);
        second = ServiceUnderTest.start(stack, "hypothesis_two_" + run, "hypothesis-two-" + run);
        publisher = EventPublisher.standalone(ServiceProperties.kafkaSettings(stack, "hypothesis-it"));
        tap = new EventTap(stack, List.of(Topics.HYPOTHESES));
    }

    @AfterAll
    void stop() throws Exception {
        tap.close();
        publisher.close();
        second.close();
        first.close();
    }

    @Test
    void shouldAnswerForEveryExperimentOnEitherInstanceWhicheverDraftedIt() {
        ListenerAssignments.awaitSplit(first, second, TwoHypothesesIT::proposalPartitions, WAIT);
        String byFirst = experimentOn(proposalPartitions(first), "exp-first-");
        String bySecond = experimentOn(proposalPartitions(second), "exp-second-");
        for (String id : List.of(byFirst, bySecond)) {
            publisher.publish(ServiceUnderTest.proposal(id, "storefront", FaultType.NETWORK_BLACKHOLE,
                    "pricing must not take the shop down"));
        }
        await().atMost(WAIT).until(() -> tap.first(HypothesisDrafted.class, byFirst).isPresent()
                && tap.first(HypothesisDrafted.class, bySecond).isPresent());

        for (ApplicationContext instance : List.of(first, second)) {
            for (String id : List.of(byFirst, bySecond)) {
                await().atMost(WAIT).untilAsserted(() -> assertThat(http(instance, "erin")
                        .get("/experiments/" + id + "/hypothesis").body()).as(id)
                        .contains("\"revision\":1", "\"status\":\"DRAFTED\""));
            }
        }

        // a review on the instance that did not draft the plan
        assertThat(http(first, "bob").post("/experiments/" + bySecond + "/reviews", """
                {"decision":"ACCEPT","comment":"go"}""").statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> tap.first(PlanApproved.class, bySecond).isPresent());
        await().atMost(WAIT).untilAsserted(() -> assertThat(http(second, "erin")
                .get("/experiments/" + bySecond + "/hypothesis").body()).contains("\"status\":\"APPROVED\""));
    }

    private Http http(ApplicationContext instance, String user) {
        return new Http(ServiceUnderTest.baseUrl(instance), stack.issuer().token(user));
    }

    /** An experiment id of this run on one of {@code partitions}. */
    private String experimentOn(Set<Integer> partitions, String prefix) {
        return PartitionedKeys.keyOn(partitions, prefix + run + "-");
    }

    /** The partitions of faultline.proposals the instance's drafting listener (shared group) is assigned now. */
    private static Set<Integer> proposalPartitions(ApplicationContext context) {
        return ListenerAssignments.partitions(context, Topics.Names.PROPOSALS, id -> id.contains("-experiment-listener"));
    }
}
