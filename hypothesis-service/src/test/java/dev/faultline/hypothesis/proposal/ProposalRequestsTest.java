package dev.faultline.hypothesis.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.ProposalReason;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProposalRequestsTest {

    private static ProposalRequest request(String service, String faultType, String environment, String proposer,
                                           String motivation, Long duration, Double share) {
        return new ProposalRequest(service, faultType, "pricing", environment, proposer, null, motivation, duration,
                share, Map.of("team", "shop"), null);
    }

    @Test
    void shouldTurnAWellFormedRequestIntoAProposal() {
        Proposal p = ProposalRequests.toProposal(request("storefront", "network_blackhole", "STAGING", null,
                "pricing outages happen", 45L, 0.5), "exp-1", "alice");
        assertThat(p.faultType()).isEqualTo(FaultType.NETWORK_BLACKHOLE);
        assertThat(p.environment()).isEqualTo(Environment.STAGING);
        assertThat(p.reason()).isEqualTo(ProposalReason.ROUTINE);
        assertThat(p.requestedDurationMillis()).isEqualTo(45_000L);
        assertThat(p.labels()).containsEntry("trafficShare", "0.5").containsEntry("team", "shop");
    }

    @Test
    void shouldNameTheMissingField() {
        assertThatThrownBy(() -> ProposalRequests.toProposal(request(null, "NETWORK_BLACKHOLE", "STAGING", null, "m", null,
                null), "e", "alice")).hasMessage("service is required");
        assertThatThrownBy(() -> ProposalRequests.toProposal(request("s", "NETWORK_BLACKHOLE", "STAGING", null, null, null,
                null), "e", "alice")).hasMessage("motivation is required");
    }

    @Test
    void shouldTakeTheProposerFromTheTokenAndRefuseOneInTheBody() {
        assertThat(ProposalRequests.toProposal(request("s", "NETWORK_BLACKHOLE", "STAGING", null, "m", null, null), "e",
                "alice").proposer()).isEqualTo("alice");
        assertThatThrownBy(() -> ProposalRequests.toProposal(request("s", "NETWORK_BLACKHOLE", "STAGING", "mallory", "m",
                null, null), "e", "alice")).hasMessage("proposer is taken from your token (alice); leave it out of the body");
    }

    @Test
    void shouldListTheValidValuesOfAnUnknownEnum() {
        assertThatThrownBy(() -> ProposalRequests.toProposal(request("s", "EARTHQUAKE", "STAGING", null, "m", null, null),
                "e", "alice")).hasMessageStartingWith("faultType 'EARTHQUAKE' is not one of [NETWORK_LATENCY")
                .hasMessageNotContaining("UNKNOWN");
        assertThatThrownBy(() -> ProposalRequests.toProposal(request("s", "NETWORK_LATENCY", "UNKNOWN", null, "m", null,
                null), "e", "alice")).hasMessageContaining("environment 'UNKNOWN' is not one of");
    }

    @Test
    void shouldRejectOutOfRangeNumbers() {
        assertThatThrownBy(() -> ProposalRequests.toProposal(request("s", "NETWORK_LATENCY", "TEST", null, "m", 0L, null),
                "e", "alice")).hasMessageContaining("durationSeconds");
        assertThatThrownBy(() -> ProposalRequests.toProposal(request("s", "NETWORK_LATENCY", "TEST", null, "m", null, 1.5),
                "e", "alice")).hasMessageContaining("trafficShare");
    }
}
