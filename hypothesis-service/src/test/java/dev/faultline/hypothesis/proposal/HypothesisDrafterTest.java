package dev.faultline.hypothesis.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.hypothesis.Fixtures;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.LintRule;
import dev.faultline.schemas.avro.ProposalReason;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HypothesisDrafterTest {

    private final HypothesisDrafter drafter = Fixtures.drafter();

    private static Proposal proposal(Long durationMillis, Environment environment, Map<String, String> labels) {
        return new Proposal("exp-1", "storefront", FaultType.NETWORK_BLACKHOLE, "pricing", environment, "demo-user",
                ProposalReason.ROUTINE, "storefront must survive a pricing outage", durationMillis, labels);
    }

    @Test
    void shouldDraftTheExampleFromItsTemplate() {
        DraftResult.Drafted drafted = (DraftResult.Drafted) drafter.draft(Fixtures.example("exp-1"));
        assertThat(drafted.hypothesis().getTemplateId()).isEqualTo("storefront-dependency-unreachable");
        assertThat(drafted.warnings()).isEmpty();
    }

    @Test
    void shouldCarryTheRequestedWindowIntoThePlanAndRejectOneShorterThanTheRun() {
        Instant start = Instant.parse("2030-01-07T10:00:00Z");
        Proposal windowed = new Proposal("exp-1", "storefront", FaultType.NETWORK_BLACKHOLE, "pricing",
                Environment.STAGING, "demo-user", ProposalReason.ROUTINE, "storefront must survive a pricing outage",
                60_000L, Map.of(), null, start, start.plusSeconds(3600));
        Proposal tooShort = new Proposal("exp-2", "storefront", FaultType.NETWORK_BLACKHOLE, "pricing",
                Environment.STAGING, "demo-user", ProposalReason.ROUTINE, "storefront must survive a pricing outage",
                60_000L, Map.of(), null, start, start.plusSeconds(30));

        DraftResult.Drafted drafted = (DraftResult.Drafted) drafter.draft(windowed);
        assertThat(drafted.hypothesis().getRequestedStart()).isEqualTo(start);
        assertThat(drafted.hypothesis().getRequestedEnd()).isEqualTo(start.plusSeconds(3600));
        assertThat(((DraftResult.Rejected) drafter.draft(tooShort)).findings()).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("shorter than the run (60 s)"));
    }

    @Test
    void shouldRejectAWindowThatHoldsTheRunButNotTheTimeToStopIt() {
        Instant start = Instant.parse("2030-01-07T10:00:00Z");
        Proposal noSlack = new Proposal("exp-1", "storefront", FaultType.NETWORK_BLACKHOLE, "pricing",
                Environment.STAGING, "demo-user", ProposalReason.ROUTINE, "storefront must survive a pricing outage",
                60_000L, Map.of(), null, start, start.plusSeconds(119));
        Proposal withSlack = new Proposal("exp-2", "storefront", FaultType.NETWORK_BLACKHOLE, "pricing",
                Environment.STAGING, "demo-user", ProposalReason.ROUTINE, "storefront must survive a pricing outage",
                60_000L, Map.of(), null, start, start.plusSeconds(120));

        assertThat(((DraftResult.Rejected) drafter.draft(noSlack)).findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(LintRule.NO_DURATION);
            assertThat(f.reason()).contains("plus the 60 s safety-service keeps to stop its fault")
                    .contains("2030-01-07T10:02:00Z or later");
        });
        assertThat(drafter.draft(withSlack)).isInstanceOf(DraftResult.Drafted.class);
    }

    @Test
    void shouldTakeTheDefaultDurationWhenNoneIsAsked() {
        DraftResult.Drafted drafted = (DraftResult.Drafted) drafter.draft(proposal(null, Environment.STAGING, Map.of()));
        assertThat(drafted.hypothesis().getScenario().getDurationMillis()).isEqualTo(30_000);
    }

    @Test
    void shouldTakeTheDurationAndTrafficShareOfTheProposal() {
        DraftResult.Drafted drafted = (DraftResult.Drafted) drafter.draft(
                proposal(120_000L, Environment.STAGING, Map.of("trafficShare", "0.25")));
        assertThat(drafted.hypothesis().getScenario().getDurationMillis()).isEqualTo(120_000);
        assertThat(drafted.hypothesis().getScenario().getToxicity()).isEqualTo(0.25);
        assertThat(drafted.hypothesis().getBlastRadius().getTrafficShare()).isEqualTo(0.25);
        assertThat(drafted.hypothesis().getTitle()).contains("for 120 seconds");
    }

    @Test
    void shouldWarnThatProductionNeedsAnApprover() {
        DraftResult.Drafted drafted = (DraftResult.Drafted) drafter.draft(proposal(null, Environment.PRODUCTION, Map.of()));
        assertThat(drafted.warnings()).singleElement().satisfies(w -> assertThat(w.message()).contains("approver"));
    }

    @Test
    void shouldRejectTheDraftOfRevisionOneWhenItFailsLint() {
        DraftResult.Rejected rejected = (DraftResult.Rejected) drafter.draft(
                proposal(11 * 60_000L, Environment.UNKNOWN, Map.of("trafficShare", "2")));
        assertThat(rejected.revision()).isEqualTo(1);
        assertThat(rejected.findings()).extracting(f -> f.rule())
                .contains(LintRule.NO_DURATION, LintRule.UNBOUNDED_BLAST_RADIUS, LintRule.INVALID_PARAMETER);
    }

    @Test
    void shouldRejectWithoutRevisionWhenNothingCanBeDrafted() {
        Proposal vague = new Proposal("exp-2", "", FaultType.UNKNOWN, null, Environment.STAGING, "x",
                ProposalReason.UNKNOWN, "", null, Map.of());
        DraftResult.Rejected rejected = (DraftResult.Rejected) drafter.draft(vague);
        assertThat(rejected.revision()).isNull();
        assertThat(rejected.findings()).extracting(f -> f.rule()).containsExactly(LintRule.OTHER, LintRule.UNSUPPORTED_FAULT);
    }
}
