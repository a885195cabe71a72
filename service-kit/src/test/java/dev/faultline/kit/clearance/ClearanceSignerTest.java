package dev.faultline.kit.clearance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.schemas.avro.Clearance;
import dev.faultline.schemas.avro.Environment;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClearanceSignerTest {

    private static final Instant ISSUED = Instant.parse("2026-11-26T10:00:00Z");
    private final ClearanceSigner signer = new ClearanceSigner(new ClearanceSettings("a-secret-of-sixteen-chars"));

    private static Clearance clearance() {
        return Clearance.newBuilder().setClearanceId(UUID.fromString("00000000-0000-0000-0000-000000000001"))
                .setHypothesisRevision(2).setEnvironment(Environment.STAGING).setIssuedAt(ISSUED)
                .setExpiresAt(ISSUED.plusSeconds(600)).setSignature(null).build();
    }

    @Test
    void shouldAcceptWhatItSignedUntilExpiry() {
        Clearance signed = signer.signed("exp-1", clearance());
        assertThat(signer.rejection("exp-1", signed, ISSUED.plusSeconds(599))).isNull();
        assertThat(signer.rejection("exp-1", signed, ISSUED.plusSeconds(601))).contains("expired");
    }

    @Test
    void shouldRejectUnsignedAlteredOrForeignClearances() {
        Clearance signed = signer.signed("exp-1", clearance());
        assertThat(signer.rejection("exp-1", clearance(), ISSUED)).contains("not signed");
        assertThat(signer.rejection("exp-2", signed, ISSUED)).contains("invalid signature");
        Clearance widened = Clearance.newBuilder(signed).setEnvironment(Environment.PRODUCTION).build();
        assertThat(signer.rejection("exp-1", widened, ISSUED)).contains("invalid signature");
        Clearance forged = new ClearanceSigner(new ClearanceSettings("another-secret-16chars")).signed("exp-1", clearance());
        assertThat(signer.rejection("exp-1", forged, ISSUED)).contains("invalid signature");
    }
}
