package dev.faultline.hypothesis.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.ProposalReason;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProposalRequestsTest {

    private static ProposalRequest request(String service, String faultType, String environment, String proposer,
                                           String motivation, Long duration, Double share) {
        return new ProposalRequest(service, faultType, "pricing", environment, proposer, null, motivation, duration,
                share, Map.of("team", "shop"), null, null, null, null);
    }

    private static final Instant NOW = Instant.parse("2026-12-05T17:00:00Z");

    private static ProposalRequest at(String at, String windowStart, String windowEnd) {
        return new ProposalRequest("storefront", "NETWORK_BLACKHOLE", null, "STAGING", null, null, "m", null, null, null,
                null, at, windowStart, windowEnd);
    }

    @Test
    void shouldCarryARequestedStartOrWindow() {
        assertThat(ProposalRequests.toProposal(at("2026-12-07T10:00Z", null, null), "e", "alice", NOW).requestedStart())
                .isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
        Proposal window = ProposalRequests.toProposal(at(null, "2026-12-07T11:00+01:00", "2026-12-07T12:00Z"), "e",
                "alice", NOW);
        assertThat(window.requestedStart()).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
        assertThat(window.requestedEnd()).isEqualTo(Instant.parse("2026-12-07T12:00:00Z"));
    }

    @Test
    void shouldRefuseAStartInThePastAWindowBackwardsOrBothForms() {
        assertThatThrownBy(() -> ProposalRequests.toProposal(at("2026-12-05T16:00Z", null, null), "e", "alice", NOW))
                .hasMessageContaining("at 2026-12-05T16:00:00Z is not in the future");
        assertThatThrownBy(() -> ProposalRequests.toProposal(at(null, "2026-12-07T12:00Z", "2026-12-07T10:00Z"), "e",
                "alice", NOW)).hasMessageContaining("windowEnd 2026-12-07T10:00:00Z must be after windowStart");
        assertThatThrownBy(() -> ProposalRequests.toProposal(at("2026-12-07T10:00Z", null, "2026-12-07T12:00Z"), "e",
                "alice", NOW)).hasMessageContaining("not both");
        assertThatThrownBy(() -> ProposalRequests.toProposal(at("tomorrow", null, null), "e", "alice", NOW))
                .hasMessageContaining("at 'tomorrow' is not an ISO-8601 time");
    }

    @Test
    void shouldTurnAWellFormedRequestIntoAProposal() {
        Proposal p = ProposalRequests.toProposal(request("storefront", "network_blackhole", "STAGING", null,
                "pricing outages happen", 45L, 0.5), "exp-1", "alice", NOW);
        assertThat(p.faultType()).isEqualTo(FaultType.NETWORK_BLACKHOLE);
        assertThat(p.environment()).isEqualTo(Environment.STAGING);
        assertThat(p.reason()).isEqualTo(ProposalReason.ROUTINE);
        assertThat(p.requestedDurationMillis()).isEqualTo(45_000L);
        assertThat(p.labels()).containsEntry("trafficShare", "0.5").containsEntry("team", "shop");
    }

    @Test
    void shouldNameTheMissingField() {
        assertThatThrownBy(() -> ProposalRequests.toProposal(request(null, "NETWORK_BLACKHOLE", "STAGING", null, "m", null,
                null), "e", "alice", NOW)).hasMessage("service is required");
        assertThatThrownBy(() -> ProposalRequests.toProposal(request("s", "NETWORK_BLACKHOLE", "STAGING", null, null, null,
                null), "e", "alice", NOW)).hasMessage("motivation is required");
    }

    @Test
    void shouldTakeTheProposerFromTheTokenAndRefuseOneInTheBody() {
        assertThat(ProposalRequests.toProposal(request("s", "NETWORK_BLACKHOLE", "STAGING", null, "m", null, null), "e",
                "alice", NOW).proposer()).isEqualTo("alice", NOW);
        assertThatThrownBy(() -> ProposalRequests.toProposal(request("s", "NETWORK_BLACKHOLE", "STAGING", "mallory", "m",
                null, null), "e", "alice", NOW)).hasMessage("proposer is taken from your token (alice); leave it out of the body");
    }

    @Test
    void shouldListTheValidValuesOfAnUnknownEnum() {
        assertThatThrownBy(() -> ProposalRequests.toProposal(request("s", "EARTHQUAKE", "STAGING", null, "m", null, null),
                "e", "alice", NOW)).hasMessageStartingWith("faultType 'EARTHQUAKE' is not one of [NETWORK_LATENCY")
                .hasMessageNotContaining("UNKNOWN");
        assertThatThrownBy(() -> ProposalRequests.toProposal(request("s", "NETWORK_LATENCY", "UNKNOWN", null, "m", null,
                null), "e", "alice", NOW)).hasMessageContaining("environment 'UNKNOWN' is not one of");
    }

    @Test
    void shouldRejectOutOfRangeNumbers() {
        assertThatThrownBy(() -> ProposalRequests.toProposal(request("s", "NETWORK_LATENCY", "TEST", null, "m", 0L, null),
                "e", "alice", NOW)).hasMessageContaining("durationSeconds");
        assertThatThrownBy(() -> ProposalRequests.toProposal(request("s", "NETWORK_LATENCY", "TEST", null, "m", null, 1.5),
                "e", "alice", NOW)).hasMessageContaining("trafficShare");
    }
}
