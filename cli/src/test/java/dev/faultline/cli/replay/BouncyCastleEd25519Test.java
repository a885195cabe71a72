package dev.faultline.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.clearance.ClaimsVerifier;
import dev.faultline.clearance.ClearanceClaims;
import dev.faultline.clearance.ClearanceKeyPair;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bouncy Castle's Ed25519 answers as the JDK's does on keys and signatures the JDK made. */
class BouncyCastleEd25519Test {

    private static final ClearanceKeyPair SAFETY = ClearanceKeyPair.generate("safety-1");
    private static final ClearanceKeyPair OTHER = ClearanceKeyPair.generate("safety-1");

    private final BouncyCastleEd25519 check = new BouncyCastleEd25519();

    private static ClearanceClaims signed(ClearanceKeyPair by) {
        return by.signer().sign(ClearanceClaims.unsigned("exp-1", "00000000-0000-0000-0000-000000000001", 2, "STAGING",
                Instant.parse("2026-11-26T10:00:00Z"), Instant.parse("2026-11-26T10:10:00Z")));
    }

    @Test
    void shouldAgreeWithTheJdkOnGenuineForgedAndAlteredSignatures() throws Exception {
        ClearanceClaims genuine = signed(SAFETY);
        byte[] message = genuine.canonical().getBytes(StandardCharsets.UTF_8);
        byte[] signature = Base64.getUrlDecoder().decode(genuine.signature());
        byte[] forged = Base64.getUrlDecoder().decode(signed(OTHER).signature());
        byte[] altered = (genuine.canonical() + " ").getBytes(StandardCharsets.UTF_8);

        for (ClaimsVerifier.SignatureCheck each : new ClaimsVerifier.SignatureCheck[] {check, ClaimsVerifier.JDK}) {
            assertThat(each.verifies(SAFETY.keys().getPublic(), message, signature)).isTrue();
            assertThat(each.verifies(SAFETY.keys().getPublic(), message, forged)).isFalse();
            assertThat(each.verifies(SAFETY.keys().getPublic(), altered, signature)).isFalse();
            assertThat(each.verifies(OTHER.keys().getPublic(), message, signature)).isFalse();
        }
        assertThat(check.verifies(SAFETY.keys().getPublic(), message, new byte[63])).isFalse();
    }

    @Test
    void shouldRejectThroughTheVerifierWithItsReason() {
        ClaimsVerifier verifier = new ClaimsVerifier(Map.of("safety-1", SAFETY.keys().getPublic()), check);

        assertThat(verifier.rejection(signed(SAFETY), Instant.parse("2026-11-26T10:00:00Z"))).isNull();
        assertThat(verifier.rejection(signed(OTHER), Instant.parse("2026-11-26T10:00:00Z")))
                .contains("signature does not verify with key 'safety-1'");
    }
}
