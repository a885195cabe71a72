package dev.faultline.hypothesis.reverify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.hypothesis.Fixtures;
import dev.faultline.hypothesis.experiment.Experiments;
import dev.faultline.hypothesis.experiment.InMemoryExperimentStore;
import dev.faultline.hypothesis.knowledge.KnowledgeFixtures;
import dev.faultline.hypothesis.knowledge.KnownBehaviours;
import dev.faultline.hypothesis.proposal.Proposal;
import dev.faultline.hypothesis.proposal.ProposalEvents;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.ProposalReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReverifierTest {

    private static final Instant NOW = Instant.parse("2026-12-05T17:00:00Z");
    private static final String OLD = "last tested 2026-11-04T17:00:00Z, more than 30 days ago";

    private final KnownBehaviours catalog = new KnownBehaviours();
    private final InMemoryExperimentStore store = new InMemoryExperimentStore();
    private final Experiments experiments = new Experiments(store);
    private final List<Proposal> published = new ArrayList<>();
    private final ProposalEvents events = new ProposalEvents() {
        @Override
        public void proposed(Proposal proposal) {
            throw new AssertionError("the re-verifier proposes as the service");
        }

        @Override
        public void proposedByService(Proposal proposal) {
            published.add(proposal);
        }
    };

    private Reverifier reverifier(Experiments known, DailySlot window) {
        return new Reverifier(catalog, known, events, "hypothesis-service", window);
    }

    private void established(String experimentId) {
        experiments.apply(HypothesisDrafted.newBuilder()
                .setHeader(EventHeaders.first(experimentId, Actors.service("hypothesis-service"), Clock.systemUTC()))
                .setRevision(1).setHypothesis(Fixtures.exampleHypothesis()).setChangeSummary(null).build());
    }

    @Test
    void shouldProposeAStaleEntryOnceAsAReRunOfTheExperimentThatEstablishedIt() {
        established("exp-old-2");
        catalog.update(KnowledgeFixtures.staleLatencyKnown("storefront", NOW.minus(Duration.ofDays(31)), OLD));

        List<Proposal> first = reverifier(experiments, null).proposeDue(NOW);
        List<Proposal> second = reverifier(experiments, null).proposeDue(NOW.plus(Duration.ofHours(1)));

        assertThat(first).singleElement().satisfies(p -> {
            assertThat(p.experimentId()).startsWith("reverify-");
            assertThat(p.reason()).isEqualTo(ProposalReason.STALE_KNOWLEDGE);
            assertThat(p.proposer()).isEqualTo("hypothesis-service");
            assertThat(p.service()).isEqualTo("storefront");
            assertThat(p.faultType()).isEqualTo(FaultType.NETWORK_BLACKHOLE);
            assertThat(p.dependency()).isEqualTo("pricing");
            assertThat(p.environment()).isEqualTo(Environment.STAGING);
            assertThat(p.motivation()).contains("storefront|NETWORK_LATENCY").contains("re-running exp-old-2");
            assertThat(p.requestedStart()).isNull();
        });
        assertThat(second).isEmpty();
        assertThat(published).hasSize(1);
    }

    @Test
    void shouldKnowAfterARestartThatTheEntryWasProposed() {
        established("exp-old-2");
        catalog.update(KnowledgeFixtures.staleLatencyKnown("storefront", NOW.minus(Duration.ofDays(31)), OLD));
        reverifier(experiments, null).proposeDue(NOW);

        List<Proposal> afterRestart = reverifier(new Experiments(store), null).proposeDue(NOW);

        assertThat(afterRestart).isEmpty();
        assertThat(reverifier(new Experiments(store), null).entries()).singleElement()
                .satisfies(e -> assertThat(e.state()).isEqualTo("PROPOSED"));
    }

    @Test
    void shouldLeaveAnEntryTheCatalogFindsFreshAlone() {
        established("exp-old-2");
        catalog.update(KnowledgeFixtures.latencyKnown("storefront", NOW.minus(Duration.ofDays(300))));

        assertThat(reverifier(experiments, null).proposeDue(NOW)).isEmpty();
        assertThat(reverifier(experiments, null).entries()).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo("FRESH");
            assertThat(e.staleReason()).isNull();
        });
    }

    @Test
    void shouldProposeAgainWhenTheEntryGoesStaleForAnotherReason() {
        established("exp-old-2");
        catalog.update(KnowledgeFixtures.staleLatencyKnown("storefront", NOW.minus(Duration.ofDays(31)), OLD));
        reverifier(experiments, null).proposeDue(NOW);

        catalog.update(KnowledgeFixtures.staleLatencyKnown("storefront", NOW.minus(Duration.ofDays(31)),
                "storefront deployed at 2026-12-05T16:00:00Z (PRODUCTION, 'release 42') after the last test"));
        reverifier(experiments, null).proposeDue(NOW);

        assertThat(published).hasSize(2).extracting(Proposal::experimentId).doesNotHaveDuplicates();
        assertThat(published.get(1).motivation()).contains("deployed at 2026-12-05T16:00:00Z");
    }

    @Test
    void shouldNotProposeWhatNoKnownExperimentEstablished() {
        catalog.update(KnowledgeFixtures.staleLatencyKnown("storefront", NOW.minus(Duration.ofDays(31)), OLD));

        assertThat(reverifier(experiments, null).proposeDue(NOW)).isEmpty();
        assertThat(reverifier(experiments, null).entries()).singleElement()
                .satisfies(e -> assertThat(e.state()).isEqualTo("NO_SOURCE"));
    }

    @Test
    void shouldAskForTheNextDailyWindow() {
        established("exp-old-2");
        catalog.update(KnowledgeFixtures.staleLatencyKnown("storefront", NOW.minus(Duration.ofDays(31)), OLD));

        Proposal p = reverifier(experiments, new DailySlot(LocalTime.of(2, 0), LocalTime.of(5, 0))).proposeDue(NOW).get(0);

        assertThat(p.requestedStart()).isEqualTo(Instant.parse("2026-12-06T02:00:00Z"));
        assertThat(p.requestedEnd()).isEqualTo(Instant.parse("2026-12-06T05:00:00Z"));
    }

    @Test
    void shouldWrapADailyWindowPastMidnight() {
        DailySlot.Occurrence next = new DailySlot(LocalTime.of(23, 0), LocalTime.of(1, 0))
                .next(Instant.parse("2026-12-05T23:30:00Z"));

        assertThat(next.start()).isEqualTo(Instant.parse("2026-12-06T23:00:00Z"));
        assertThat(next.end()).isEqualTo(Instant.parse("2026-12-07T01:00:00Z"));
    }
}
