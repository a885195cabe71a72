package dev.faultline.kit.clearance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.clearance.ClaimsVerifier;
import dev.faultline.clearance.ClearanceKeyPair;
import dev.faultline.schemas.avro.Clearance;
import dev.faultline.schemas.avro.Environment;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Avro clearance signed by safety-service's key and verified with its public key, real Ed25519 throughout. */
class ClearanceSignerTest {

    private static final Instant ISSUED = Instant.parse("2026-11-26T10:00:00Z");
    private static final ClearanceKeyPair SAFETY = ClearanceKeyPair.generate("safety-1");

    private final ClearanceSigner signer = new ClearanceSigner(SAFETY.signer());
    private final ClearanceVerifier verifier = new ClearanceVerifier(SAFETY.verifier());

    private static Clearance clearance() {
        return Clearance.newBuilder().setClearanceId(UUID.fromString("00000000-0000-0000-0000-000000000001"))
                .setHypothesisRevision(2).setEnvironment(Environment.STAGING).setIssuedAt(ISSUED)
                .setExpiresAt(ISSUED.plusSeconds(600)).setSignature(null).build();
    }

    @Test
    void shouldAcceptWhatItSignedUntilExpiry() {
        Clearance signed = signer.signed("exp-1", clearance());

        assertThat(signed.getKeyId()).isEqualTo("safety-1");
        assertThat(verifier.rejection("exp-1", signed, ISSUED.plusSeconds(599))).isNull();
        assertThat(verifier.rejection("exp-1", signed, ISSUED.plusSeconds(601))).contains("expired");
    }

    @Test
    void shouldRejectUnsignedAlteredOrForeignClearances() {
        Clearance signed = signer.signed("exp-1", clearance());

        assertThat(verifier.rejection("exp-1", clearance(), ISSUED)).contains("not signed");
        assertThat(verifier.rejection("exp-2", signed, ISSUED)).contains("does not verify with key 'safety-1'");
        Clearance widened = Clearance.newBuilder(signed).setEnvironment(Environment.PRODUCTION).build();
        assertThat(verifier.rejection("exp-1", widened, ISSUED)).contains("does not verify with key 'safety-1'");
        Clearance forged = new ClearanceSigner(ClearanceKeyPair.generate("safety-1").signer()).signed("exp-1", clearance());
        assertThat(verifier.rejection("exp-1", forged, ISSUED)).contains("does not verify with key 'safety-1'");
        Clearance noKeyId = Clearance.newBuilder(signed).setKeyId(null).build();
        assertThat(verifier.rejection("exp-1", noKeyId, ISSUED)).contains("has no key id");
    }

    @Test
    void shouldRefuseAClearanceRelabelledWithAnotherTrustedKeyId() {
        ClearanceKeyPair next = ClearanceKeyPair.generate("safety-2");
        ClearanceVerifier rotating = new ClearanceVerifier(new ClaimsVerifier(Map.of(
                "safety-1", SAFETY.keys().getPublic(), "safety-2", next.keys().getPublic())));
        Clearance signed = signer.signed("exp-1", clearance());

        assertThat(rotating.rejection("exp-1", signed, ISSUED)).isNull();
        assertThat(rotating.rejection("exp-1", Clearance.newBuilder(signed).setKeyId("safety-2").build(), ISSUED))
                .contains("does not verify with key 'safety-2'");
        assertThat(rotating.rejection("exp-1", Clearance.newBuilder(signed).setKeyId("retired").build(), ISSUED))
                .contains("key id 'retired', which is not one of the known keys [safety-1, safety-2]");
    }
}
