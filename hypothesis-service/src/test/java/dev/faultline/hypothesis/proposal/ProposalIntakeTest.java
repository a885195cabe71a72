package dev.faultline.hypothesis.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.hypothesis.Fixtures;
import dev.faultline.hypothesis.experiment.ExperimentStatus;
import dev.faultline.hypothesis.experiment.Experiments;
import dev.faultline.hypothesis.experiment.InMemoryExperimentStore;
import dev.faultline.hypothesis.experiment.RecordingEvents;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.HypothesisRejected;
import dev.faultline.schemas.avro.LintRule;
import dev.faultline.schemas.avro.LintFinding;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProposalIntakeTest {

    private final InMemoryExperimentStore store = new InMemoryExperimentStore();
    private final Experiments experiments = new Experiments(store);
    private final RecordingEvents events = new RecordingEvents();
    private final ProposalIntake intake = new ProposalIntake(Fixtures.drafter(), experiments, events);

    @Test
    void shouldDraftRevisionOneAnsweringTheProposal() {
        var cause = RecordingEvents.proposalHeader("exp-1", "demo-user");
        intake.onProposed(Fixtures.example("exp-1"), cause);

        HypothesisDrafted drafted = events.of(HypothesisDrafted.class).get(0);
        assertThat(drafted.getRevision()).isEqualTo(1);
        assertThat(drafted.getHeader().getCausationId()).isEqualTo(cause.getEventId());
        assertThat(drafted.getHeader().getExperimentId()).isEqualTo("exp-1");
        assertThat(experiments.find("exp-1")).hasValueSatisfying(e -> {
            assertThat(e.status()).isEqualTo(ExperimentStatus.DRAFTED);
            assertThat(e.proposer()).isEqualTo("demo-user");
        });
    }

    @Test
    void shouldPublishNothingNewForARedeliveredProposal() {
        intake.onProposed(Fixtures.example("exp-1"), RecordingEvents.proposalHeader("exp-1", "demo-user"));
        intake.onProposed(Fixtures.example("exp-1"), RecordingEvents.proposalHeader("exp-1", "demo-user"));
        new ProposalIntake(Fixtures.drafter(), new Experiments(store), events)
                .onProposed(Fixtures.example("exp-1"), RecordingEvents.proposalHeader("exp-1", "demo-user"));

        assertThat(events.published).hasSize(1);
    }

    @Test
    void shouldRejectAVagueProposalWithReasonsAndRememberIt() {
        var vague = new Proposal("exp-2", "storefront", dev.faultline.schemas.avro.FaultType.NETWORK_BLACKHOLE, "pricing",
                dev.faultline.schemas.avro.Environment.STAGING, "demo-user",
                dev.faultline.schemas.avro.ProposalReason.ROUTINE, "why not", null, Map.of());
        intake.onProposed(vague, RecordingEvents.proposalHeader("exp-2", "demo-user"));
        intake.onProposed(vague, RecordingEvents.proposalHeader("exp-2", "demo-user"));

        assertThat(events.of(HypothesisRejected.class)).singleElement().satisfies(r -> {
            assertThat(r.getRevision()).isNull();
            assertThat(r.getFindings()).extracting(LintFinding::getRule).containsExactly(LintRule.OTHER);
        });
        assertThat(experiments.find("exp-2")).hasValueSatisfying(e -> assertThat(e.status()).isEqualTo(ExperimentStatus.REJECTED));
    }
}
