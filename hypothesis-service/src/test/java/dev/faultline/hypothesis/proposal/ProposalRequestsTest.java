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
        Proposal p = ProposalRequests.toProposal(request("storefront", "network_blackhole", "STAGING", "demo-user",
                "pricing outages happen", 45L, 0.5), "exp-1");
        assertThat(p.faultType()).isEqualTo(FaultType.NETWORK_BLACKHOLE);
        assertThat(p.environment()).isEqualTo(Environment.STAGING);
        assertThat(p.reason()).isEqualTo(ProposalReason.ROUTINE);
        assertThat(p.requestedDurationMillis()).isEqualTo(45_000L);
        assertThat(p.labels()).containsEntry("trafficShare", "0.5").containsEntry("team", "shop");
    }

    @Test
    void shouldNameTheMissingField() {
        assertThatThrownBy(() -> ProposalRequests.toProposal(request(null, "NETWORK_BLACKHOLE", "STAGING", "u", "m", null,
                null), "e")).hasMessage("service is required");
        assertThatThrownBy(() -> ProposalRequests.toProposal(request("s", "NETWORK_BLACKHOLE", "STAGING", " ", "m", null,
                null), "e")).hasMessage("proposer is required");
    }

    @Test
    void shouldListTheValidValuesOfAnUnknownEnum() {
        assertThatThrownBy(() -> ProposalRequests.toProposal(request("s", "EARTHQUAKE", "STAGING", "u", "m", null, null),
                "e")).hasMessageStartingWith("faultType 'EARTHQUAKE' is not one of [NETWORK_LATENCY")
                .hasMessageNotContaining("UNKNOWN");
        assertThatThrownBy(() -> ProposalRequests.toProposal(request("s", "NETWORK_LATENCY", "UNKNOWN", "u", "m", null,
                null), "e")).hasMessageContaining("environment 'UNKNOWN' is not one of");
    }

    @Test
    void shouldRejectOutOfRangeNumbers() {
        assertThatThrownBy(() -> ProposalRequests.toProposal(request("s", "NETWORK_LATENCY", "TEST", "u", "m", 0L, null),
                "e")).hasMessageContaining("durationSeconds");
        assertThatThrownBy(() -> ProposalRequests.toProposal(request("s", "NETWORK_LATENCY", "TEST", "u", "m", null, 1.5),
                "e")).hasMessageContaining("trafficShare");
    }
}
