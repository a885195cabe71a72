package dev.faultline.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.schemas.avro.ExperimentProposed;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.avro.PreflightPassed;
import dev.faultline.schemas.avro.VerdictIssued;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * The auditor's check of one experiment that ran to its verdict, on its events counted on every {@code faultline.*}
 * topic ({@link TopicCensus}): exactly one proposal, draft, plan approval, clearance, start, stop and verdict, and no
 * event id twice. Shared by the reliability suite and the load test.
 */
final class Milestones {

    static final List<Class<? extends SpecificRecord>> ONCE = List.of(ExperimentProposed.class, HypothesisDrafted.class,
            PlanApproved.class, PreflightPassed.class, InjectionStarted.class, InjectionStopped.class, VerdictIssued.class);

    private Milestones() {
    }

    static void assertOnce(String id, TopicCensus.Count count) {
        assertThat(ONCE).as(id + ": exactly one of each milestone on the topics: " + count.byType())
                .allSatisfy(type -> assertThat(count.of(type)).as(type.getSimpleName()).isEqualTo(1));
        assertThat(count.repeatedEventIds()).as(id + ": no event written twice").isEmpty();
    }
}
