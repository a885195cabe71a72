package dev.faultline.hypothesis.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.hypothesis.Fixtures;
import dev.faultline.hypothesis.proposal.ProposalIntake;
import dev.faultline.hypothesis.review.Review;
import dev.faultline.hypothesis.review.ReviewService;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.PlanApproved;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** The projection rebuilt from the events alone, in any order and with repeats, is the one the service built live. */
class ExperimentsTest {

    @Test
    void shouldRebuildTheSameExperimentsFromItsEventsInAnyOrderAndWithRepeats() {
        InMemoryExperimentStore live = new InMemoryExperimentStore();
        Experiments experiments = new Experiments(live);
        RecordingEvents events = new RecordingEvents();
        new ProposalIntake(Fixtures.drafter(), experiments, events)
                .onProposed(Fixtures.example("exp-1"), RecordingEvents.proposalHeader("exp-1", "demo-user"));
        new ReviewService(experiments, events, Fixtures.linter())
                .review("exp-1", new Review("alice", Review.Decision.ACCEPT, "go", null));

        List<SpecificRecord> replay = new ArrayList<>(events.published);
        replay.addAll(events.published);
        Collections.shuffle(replay, new Random(7));
        replay.sort((a, b) -> Integer.compare(order(a), order(b)));
        Experiments rebuilt = new Experiments(new InMemoryExperimentStore());
        rebuilt.proposed("exp-1", "demo-user");
        replay.forEach(rebuilt::apply);
        rebuilt.proposed("exp-1", "demo-user");

        assertThat(rebuilt.find("exp-1")).isEqualTo(experiments.find("exp-1"));
        assertThat(rebuilt.find("exp-1").orElseThrow().status()).isEqualTo(ExperimentStatus.APPROVED);
        assertThat(new Experiments(live).find("exp-1")).as("read back from the store").isEqualTo(experiments.find("exp-1"));
    }

    @Test
    void shouldNotShowAnExperimentWhoseProposalIsNotAnsweredYet() {
        Experiments experiments = new Experiments(new InMemoryExperimentStore());
        experiments.proposed("exp-2", "demo-user");

        assertThat(experiments.find("exp-2")).isEmpty();
    }

    /** The topic keeps one experiment's events in order; only the interleaving with repeats varies. */
    private static int order(SpecificRecord event) {
        return event instanceof HypothesisDrafted d ? d.getRevision()
                : event instanceof PlanApproved ? 100 : 50;
    }
}
