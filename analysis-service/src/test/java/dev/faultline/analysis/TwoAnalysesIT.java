package dev.faultline.analysis;

import static dev.faultline.analysis.fixtures.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.analysis.fixtures.Fixtures;
import dev.faultline.analysis.fixtures.VerdictTap;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.kit.testing.ListenerAssignments;
import dev.faultline.kit.testing.ServiceProperties;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.avro.VerdictOutcome;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances of analysis-service in one consumer group and keyspace, against the real devstack: the experiments'
 * partitions are split between them, and each injection gets exactly one verdict on faultline.verdicts — judged ones
 * whose stop is delivered twice, and lost ones that both instances' watchdogs find at once.
 */
@ExtendWith(DevStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoAnalysesIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Duration WAIT = Duration.ofSeconds(90);

    private ApplicationContext first;
    private ApplicationContext second;
    private EventPublisher publisher;
    private VerdictTap tap;

    @BeforeAll
    void start(DevStack stack) {
        first = AnalysisServiceIT.startService(stack, "analysis-two-" + RUN, "analysis_two_" + RUN);
        second = AnalysisServiceIT.startService(stack, "analysis-two-" + RUN, "analysis_two_" + RUN);
        publisher = EventPublisher.standalone(ServiceProperties.kafkaSettings(stack, "injector-it"));
        tap = new VerdictTap(stack);
    }

    @AfterAll
    void stop() throws Exception {
        tap.close();
        publisher.close();
        second.close();
        first.close();
    }

    @Test
    void shouldIssueOneVerdictPerInjectionWithTwoInstances() {
        ListenerAssignments.awaitSplit(first, second, c -> ListenerAssignments.partitions(c, Topics.Names.INJECTIONS), WAIT);

        List<String> judged = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String exp = "exp-two-" + i + "-" + RUN;
            judged.add(exp);
            UUID injection = UUID.randomUUID();
            List<EvidenceCaptured> evidence = Fixtures.exampleEvidence(exp, injection);
            publisher.publish(Fixtures.drafted(exp, 1, Fixtures.hypothesis(Fixtures.examplePredictions())));
            publisher.publish(PlanApproved.newBuilder().setHeader(Fixtures.header(exp, T0.minusSeconds(30))).setRevision(1)
                    .setReviewers(List.of()).build());
            publisher.publish(Fixtures.started(exp, injection, 1, T0, Instant.now().plusSeconds(600)));
            evidence.forEach(publisher::publish);
            publisher.publish(Fixtures.stopped(exp, injection, StopReason.COMPLETED, T0, T0.plusSeconds(30),
                    (long) evidence.size()));
            publisher.publish(Fixtures.stopped(exp, injection, StopReason.COMPLETED, T0, T0.plusSeconds(30),
                    (long) evidence.size())); // redelivered
        }
        for (int i = 0; i < 6; i++) {
            // started, never stopped, past its deadline: both watchdogs see it in the shared keyspace
            String exp = "exp-two-lost-" + i + "-" + RUN;
            lost.add(exp);
            UUID injection = UUID.randomUUID();
            publisher.publish(Fixtures.drafted(exp, 1, Fixtures.hypothesis(Fixtures.examplePredictions())));
            publisher.publish(Fixtures.started(exp, injection, 1, T0, Instant.now().plusSeconds(2)));
        }

        List<String> all = new ArrayList<>(judged);
        all.addAll(lost);
        await().atMost(WAIT).until(() -> all.stream().allMatch(exp -> !tap.verdicts(exp).isEmpty()));
        // a late duplicate would come within the watchdog's interval (200 ms) or a redelivery's poll
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> all.stream().allMatch(exp -> tap.verdicts(exp).size() == 1));
        assertThat(judged).allSatisfy(exp -> assertThat(tap.verdicts(exp)).singleElement()
                .satisfies(v -> assertThat(v.getOutcome()).isEqualTo(VerdictOutcome.PARTIALLY_HELD)));
        assertThat(lost).allSatisfy(exp -> assertThat(tap.verdicts(exp)).singleElement()
                .satisfies(v -> assertThat(v.getStopReason()).isEqualTo(StopReason.LOST)));
    }
}
