package dev.faultline.hypothesis.reverify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.hypothesis.Fixtures;
import dev.faultline.hypothesis.experiment.Experiments;
import dev.faultline.hypothesis.experiment.InMemoryExperimentStore;
import dev.faultline.hypothesis.proposal.Proposal;
import dev.faultline.hypothesis.proposal.ProposalEvents;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.FollowUpKind;
import dev.faultline.schemas.avro.FollowUpState;
import dev.faultline.schemas.avro.FollowUpStateChanged;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.ProposalReason;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FixReverifierTest {

    private static final Instant NOW = Instant.parse("2026-12-05T17:00:00Z");

    private final InMemoryExperimentStore store = new InMemoryExperimentStore();
    private final Experiments experiments = new Experiments(store);
    private final List<Proposal> published = new ArrayList<>();
    private final ProposalEvents events = new ProposalEvents() {
        @Override
        public void proposed(Proposal proposal) {
            throw new AssertionError("a re-verification is proposed by the service");
        }

        @Override
        public void proposedByService(Proposal proposal) {
            published.add(proposal);
        }
    };

    private FixReverifier reverifier(Experiments known, DailySlot window) {
        return new FixReverifier(known, events, "hypothesis-service", window);
    }

    @Test
    void shouldProposeTheExperimentThatFoundTheFlawOnceWhenItsFixIsDone() {
        established("exp-found");
        FollowUpStateChanged done = change("exp-found", FollowUpKind.FIX_SYSTEM, FollowUpState.ACCEPTED, FollowUpState.DONE);

        assertThat(reverifier(experiments, null).onChanged(done, NOW)).get().satisfies(p -> {
            assertThat(p.experimentId()).isEqualTo("fixcheck-" + done.getFollowUpId());
            assertThat(p.reason()).isEqualTo(ProposalReason.STALE_KNOWLEDGE);
            assertThat(p.proposer()).isEqualTo("hypothesis-service");
            assertThat(p.service()).isEqualTo("storefront");
            assertThat(p.faultType()).isEqualTo(FaultType.NETWORK_BLACKHOLE);
            assertThat(p.dependency()).isEqualTo("pricing");
            assertThat(p.environment()).isEqualTo(Environment.STAGING);
            assertThat(p.motivation()).contains(done.getFollowUpId().toString(), "closed DONE by bob", "re-running exp-found");
            assertThat(p.label(Proposal.TRAFFIC_SHARE_LABEL)).isNotNull();
        });
        assertThat(reverifier(experiments, null).onChanged(done, NOW)).isEmpty();
        assertThat(reverifier(new Experiments(store), null).onChanged(done, NOW)).as("after a restart").isEmpty();
        assertThat(published).hasSize(1);
    }

    @Test
    void shouldIgnoreOtherKindsOtherStatesAndAReassignmentOfADoneFollowUp() {
        FixReverifier reverifier = reverifier(experiments, null);

        reverifier.onChanged(change("e", FollowUpKind.RERUN, FollowUpState.OPEN, FollowUpState.DONE), NOW);
        reverifier.onChanged(change("e", FollowUpKind.FIX_SYSTEM, FollowUpState.OPEN, FollowUpState.ACCEPTED), NOW);
        reverifier.onChanged(change("e", FollowUpKind.FIX_SYSTEM, FollowUpState.OPEN, FollowUpState.WONT_FIX), NOW);
        reverifier.onChanged(change("e", FollowUpKind.FIX_SYSTEM, FollowUpState.DONE, FollowUpState.DONE), NOW);

        assertThat(published).isEmpty();
    }

    @Test
    void shouldProposeFromTheFollowUpAloneWhenTheExperimentIsUnknownAndInTheWindow() {
        FollowUpStateChanged done = change("exp-elsewhere", FollowUpKind.FIX_SYSTEM, FollowUpState.OPEN, FollowUpState.DONE);

        Proposal p = reverifier(experiments, new DailySlot(LocalTime.of(2, 0), LocalTime.of(5, 0))).onChanged(done, NOW)
                .orElseThrow();

        assertThat(p.dependency()).isNull();
        assertThat(p.requestedDurationMillis()).isNull();
        assertThat(p.requestedStart()).isEqualTo(Instant.parse("2026-12-06T02:00:00Z"));
        assertThat(p.requestedEnd()).isEqualTo(Instant.parse("2026-12-06T05:00:00Z"));
    }

    private void established(String experimentId) {
        experiments.apply(HypothesisDrafted.newBuilder()
                .setHeader(EventHeaders.first(experimentId, Actors.service("hypothesis-service"), Clock.systemUTC()))
                .setRevision(1).setHypothesis(Fixtures.exampleHypothesis()).setChangeSummary(null).build());
    }

    static FollowUpStateChanged change(String experimentId, FollowUpKind kind, FollowUpState from, FollowUpState to) {
        return FollowUpStateChanged.newBuilder()
                .setHeader(EventHeaders.first(experimentId, Actors.person("bob"), Clock.systemUTC()))
                .setFollowUpId(UUID.randomUUID()).setSequence(1).setFrom(from).setTo(to).setAssignee("team-storefront")
                .setNote(null).setKind(kind).setService("storefront").setFaultType(FaultType.NETWORK_BLACKHOLE)
                .setEnvironment(Environment.STAGING).build();
    }
}
