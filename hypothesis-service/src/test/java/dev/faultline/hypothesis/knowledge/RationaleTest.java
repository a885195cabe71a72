package dev.faultline.hypothesis.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.hypothesis.Fixtures;
import dev.faultline.hypothesis.failuremode.FailureModeCatalog;
import dev.faultline.hypothesis.proposal.DraftResult;
import dev.faultline.hypothesis.proposal.HypothesisDrafter;
import dev.faultline.hypothesis.proposal.Proposal;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.ProposalReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RationaleTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private final Incidents incidents = new Incidents();
    private final KnownBehaviours catalog = new KnownBehaviours();
    private final HypothesisDrafter drafter = new HypothesisDrafter(Fixtures.targets(), FailureModeCatalog.builtIn(),
            Fixtures.linter(), 30_000, incidents, catalog,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static Proposal latency(ProposalReason reason, String incidentId) {
        return new Proposal("exp-1", "storefront", FaultType.NETWORK_LATENCY, "pricing", Environment.STAGING, "alice",
                reason, "pricing got slow in production last week", 30_000L, Map.of(), incidentId);
    }

    @Test
    void shouldCiteTheIncidentAndWhatTheCatalogKnowsInTheRationale() {
        incidents.record(KnowledgeFixtures.incident("INC-231", "storefront", NOW.minus(Duration.ofDays(7))));
        catalog.update(KnowledgeFixtures.latencyKnown("storefront", NOW.minus(Duration.ofDays(2))));

        String rationale = ((DraftResult.Drafted) drafter.draft(latency(ProposalReason.INCIDENT, "INC-231")))
                .hypothesis().getRationale();

        assertThat(rationale).startsWith("Drafted from failure-mode template storefront-dependency-latency")
                .contains("Prompted by incident INC-231 (HIGH, PRODUCTION, resolved, started 2026-11-28T10:00:00Z): "
                        + "checkout timeouts — pricing GC pauses.")
                .contains("Known-behaviour catalog, storefront|NETWORK_LATENCY (last tested 2026-12-03T10:00:00Z by "
                        + "exp-old-2, 2 experiment(s))")
                .contains("did not hold last time: reads-p99 (predicted again)")
                .contains("last observed: reads-served 1.000 ratio, HELD (held 2, not held 0); reads-p99 950.0 "
                        + "milliseconds, NOT_HELD (held 1, not held 1)")
                .doesNotContain("stale");
    }

    @Test
    void shouldSayAnEntryIsStaleAndThatAFirstTestHasNoEntry() {
        catalog.update(KnowledgeFixtures.staleLatencyKnown("storefront", NOW.minus(Duration.ofDays(45)),
                "last tested 2026-10-21T10:00:00Z, more than 30 days ago"));
        assertThat(((DraftResult.Drafted) drafter.draft(latency(ProposalReason.ROUTINE, null))).hypothesis()
                .getRationale()).contains("the entry is stale (last tested 2026-10-21T10:00:00Z, more than 30 days ago):"
                        + " this run refreshes it");

        Proposal blackhole = Fixtures.example("exp-2");
        assertThat(((DraftResult.Drafted) drafter.draft(blackhole)).hypothesis().getRationale())
                .endsWith("The known-behaviour catalog has no entry for storefront under NETWORK_BLACKHOLE: this is its "
                        + "first test.");
    }

    @Test
    void shouldRejectAnIncidentProposalWithoutAKnownIncident() {
        assertThat(((DraftResult.Rejected) drafter.draft(latency(ProposalReason.INCIDENT, null))).findings())
                .extracting("message").containsExactly("a proposal for an INCIDENT names the incident (incidentId); "
                        + "open incidents suggest experiments at GET /suggestions");
        assertThat(((DraftResult.Rejected) drafter.draft(latency(ProposalReason.INCIDENT, "INC-404"))).findings())
                .extracting("message").containsExactly("unknown incident 'INC-404': record it on faultline.incidents "
                        + "first (faultline incident record)");
    }

    @Test
    void shouldSuggestEachFailureModeOfAnIncidentForEachServiceItAffected() {
        incidents.record(KnowledgeFixtures.incident("INC-1", "storefront", NOW.minus(Duration.ofDays(9))));
        incidents.record(KnowledgeFixtures.incident("INC-2", "checkout", NOW.minus(Duration.ofDays(1))));

        assertThat(incidents.suggestions(null)).extracting(Suggestion::incidentId, Suggestion::service,
                Suggestion::faultType).containsExactly(
                org.assertj.core.groups.Tuple.tuple("INC-2", "checkout", "NETWORK_LATENCY"),
                org.assertj.core.groups.Tuple.tuple("INC-2", "pricing", "NETWORK_LATENCY"),
                org.assertj.core.groups.Tuple.tuple("INC-1", "storefront", "NETWORK_LATENCY"),
                org.assertj.core.groups.Tuple.tuple("INC-1", "pricing", "NETWORK_LATENCY"));
        assertThat(incidents.suggestions("storefront")).extracting(Suggestion::incidentId).containsExactly("INC-1");
    }
}
