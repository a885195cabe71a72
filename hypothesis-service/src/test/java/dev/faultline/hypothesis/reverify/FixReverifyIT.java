package dev.faultline.hypothesis.reverify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.hypothesis.support.ServiceUnderTest;
import dev.faultline.hypothesis.target.TargetsTest;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.kit.testing.EventTap;
import dev.faultline.kit.testing.ServiceProperties;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.ExperimentProposed;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.FollowUpKind;
import dev.faultline.schemas.avro.FollowUpState;
import dev.faultline.schemas.avro.FollowUpStateChanged;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.ProposalReason;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Closing a FIX_SYSTEM follow-up schedules its re-verification, against the devstack: a FollowUpStateChanged to DONE
 * on faultline.followups makes hypothesis-service propose the experiment that found the flaw again (reason
 * STALE_KNOWLEDGE) on faultline.proposals, drafted like any proposal; the change delivered again and a restart propose
 * nothing more, and a follow-up closed WONT_FIX proposes nothing.
 */
@ExtendWith(DevStackExtension.class)
class FixReverifyIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static DevStack devStack;
    private static ApplicationContext context;
    private static EventPublisher publisher;
    private static EventTap tap;

    @BeforeAll
    static void start(DevStack stack) {
        devStack = stack;
        context = ServiceUnderTest.start(stack, "fixcheck_it_" + RUN, "fixcheck-it-" + RUN);
        publisher = EventPublisher.standalone(ServiceProperties.kafkaSettings(stack, "analysis-service"));
        tap = new EventTap(stack, List.of(Topics.PROPOSALS, Topics.HYPOTHESES));
    }

    @AfterAll
    static void stop() throws Exception {
        tap.close();
        publisher.close();
        context.close();
    }

    @Test
    void shouldProposeTheReVerificationOfADoneFixOnce() {
        String service = "shop-" + RUN;
        publisher.publish("STAGING/" + service, TargetsTest.declared(Environment.STAGING, service, false));
        ServiceUnderTest.awaitTarget(context, devStack, service);
        String found = "exp-found-" + RUN;
        publisher.publish(ServiceUnderTest.proposal(found, service, FaultType.NETWORK_BLACKHOLE,
                "pricing outages must not take the shop down"));
        await().atMost(WAIT).until(() -> tap.first(HypothesisDrafted.class, found).isPresent());

        FollowUpStateChanged wontFix = FixReverifierTest.change(found, FollowUpKind.FIX_SYSTEM, FollowUpState.OPEN,
                FollowUpState.WONT_FIX);
        wontFix.setService(service);
        wontFix.setNote("pricing is being replaced");
        FollowUpStateChanged done = FixReverifierTest.change(found, FollowUpKind.FIX_SYSTEM, FollowUpState.ACCEPTED,
                FollowUpState.DONE);
        done.setService(service);
        publisher.publish(wontFix);
        publisher.publish(done);

        String id = "fixcheck-" + done.getFollowUpId();
        ExperimentProposed rerun = await().atMost(WAIT).until(() -> tap.first(ExperimentProposed.class, id).orElse(null),
                p -> p != null);
        assertThat(rerun.getReason()).isEqualTo(ProposalReason.STALE_KNOWLEDGE);
        assertThat(rerun.getHeader().getActor().getId()).isEqualTo("hypothesis-service");
        assertThat(rerun.getService()).isEqualTo(service);
        assertThat(rerun.getDependency()).isEqualTo("pricing");
        assertThat(rerun.getMotivation()).contains("re-running " + found, "closed DONE by bob");
        assertThat(await().atMost(WAIT).until(() -> tap.first(HypothesisDrafted.class, id).orElse(null), d -> d != null)
                .getRevision()).as("drafted like any proposal, for review").isEqualTo(1);

        publisher.publish(done);
        context.close();
        context = ServiceUnderTest.start(devStack, "fixcheck_it_" + RUN, "fixcheck-it-" + RUN);
        publisher.publish(done);

        await().during(Duration.ofSeconds(6)).atMost(WAIT).until(() -> reruns(service).size() == 1);
        assertThat(reruns(service)).extracting(p -> p.getHeader().getExperimentId()).containsExactly(id);
    }

    private static List<ExperimentProposed> reruns(String service) {
        return tap.all().stream().filter(e -> e instanceof ExperimentProposed).map(e -> (ExperimentProposed) e)
                .filter(p -> p.getReason() == ProposalReason.STALE_KNOWLEDGE && p.getService().equals(service)).toList();
    }
}
