package dev.faultline.clearance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real Ed25519 keys throughout: what a verifier accepts and why it refuses the rest. */
class ClaimsVerifierTest {

    private static final Instant ISSUED = Instant.parse("2026-11-26T10:00:00Z");
    private static final ClearanceKeyPair SAFETY = ClearanceKeyPair.generate("safety-1");
    private static final ClearanceKeyPair OTHER = ClearanceKeyPair.generate("safety-1");

    private final ClaimsVerifier verifier = SAFETY.verifier();

    private static ClearanceClaims claims() {
        return ClearanceClaims.unsigned("exp-1", "00000000-0000-0000-0000-000000000001", 2, "STAGING", ISSUED,
                ISSUED.plusSeconds(600));
    }

    @Test
    void shouldAcceptWhatSafetySignedUntilItExpires() {
        ClearanceClaims signed = SAFETY.signer().sign(claims());

        assertThat(signed.keyId()).isEqualTo("safety-1");
        assertThat(verifier.rejection(signed, ISSUED.plusSeconds(600))).isNull();
        assertThat(verifier.rejection(signed, ISSUED.plusSeconds(601)))
                .isEqualTo("clearance 00000000-0000-0000-0000-000000000001 expired at 2026-11-26T10:10:00Z");
    }

    @Test
    void shouldRefuseAClearanceSignedWithAnotherKeyUnderTheSameKeyId() {
        ClearanceClaims forged = OTHER.signer().sign(claims());

        assertThat(verifier.rejection(forged, ISSUED)).contains("signature does not verify with key 'safety-1'")
                .contains("not issued by safety-service");
    }

    @Test
    void shouldRefuseAClearanceWhoseKeyIdWasChanged() {
        ClaimsVerifier rotating = new ClaimsVerifier(Map.of("safety-1", SAFETY.keys().getPublic(),
                "safety-2", SAFETY.keys().getPublic()));
        ClearanceClaims signed = SAFETY.signer().sign(claims());
        ClearanceClaims relabelled = new ClearanceClaims(signed.experimentId(), signed.clearanceId(),
                signed.hypothesisRevision(), signed.environment(), signed.issuedAt(), signed.expiresAt(), "safety-2",
                signed.signature());

        // the key id is signed too: even where both ids name the same public key, the relabelled one does not verify
        assertThat(rotating.rejection(signed, ISSUED)).isNull();
        assertThat(rotating.rejection(relabelled, ISSUED)).contains("signature does not verify with key 'safety-2'");
    }

    @Test
    void shouldRefuseAnUnknownKeyIdNamingItAndTheKnownOnes() {
        ClearanceClaims signed = ClearanceKeyPair.generate("rogue").signer().sign(claims());

        assertThat(verifier.rejection(signed, ISSUED)).isEqualTo("clearance 00000000-0000-0000-0000-000000000001 is"
                + " signed with key id 'rogue', which is not one of the known keys [safety-1] (not issued by"
                + " safety-service, or its public key is not configured here)");
    }

    @Test
    void shouldRefuseATamperedField() {
        ClearanceClaims s = SAFETY.signer().sign(claims());

        assertThat(verifier.rejection(new ClearanceClaims("exp-2", s.clearanceId(), s.hypothesisRevision(), s.environment(),
                s.issuedAt(), s.expiresAt(), s.keyId(), s.signature()), ISSUED)).contains("does not verify");
        assertThat(verifier.rejection(new ClearanceClaims(s.experimentId(), s.clearanceId(), s.hypothesisRevision(),
                "PRODUCTION", s.issuedAt(), s.expiresAt(), s.keyId(), s.signature()), ISSUED)).contains("does not verify");
        assertThat(verifier.rejection(new ClearanceClaims(s.experimentId(), s.clearanceId(), 3, s.environment(),
                s.issuedAt(), s.expiresAt(), s.keyId(), s.signature()), ISSUED)).contains("does not verify");
        assertThat(verifier.rejection(new ClearanceClaims(s.experimentId(), s.clearanceId(), s.hypothesisRevision(),
                s.environment(), s.issuedAt(), s.expiresAt().plusSeconds(3600), s.keyId(), s.signature()), ISSUED))
                .contains("does not verify");
        assertThat(verifier.rejection(new ClearanceClaims(s.experimentId(), s.clearanceId(), s.hypothesisRevision(),
                s.environment(), s.issuedAt(), s.expiresAt(), s.keyId(), "not-a-signature"), ISSUED)).contains("does not verify");
    }

    @Test
    void shouldRefuseUnsignedClearancesAndOnesWithoutAKeyId() {
        ClearanceClaims s = SAFETY.signer().sign(claims());

        assertThat(verifier.rejection(claims(), ISSUED)).contains("is not signed");
        assertThat(verifier.rejection(new ClearanceClaims(s.experimentId(), s.clearanceId(), s.hypothesisRevision(),
                s.environment(), s.issuedAt(), s.expiresAt(), null, s.signature()), ISSUED)).contains("has no key id");
    }

    @Test
    void shouldVerifyClearancesFromEitherKeyWhileKeysRotate() {
        ClearanceKeyPair next = ClearanceKeyPair.generate("safety-2");
        ClaimsVerifier rotating = new ClaimsVerifier(Map.of("safety-1", SAFETY.keys().getPublic(),
                "safety-2", next.keys().getPublic()));

        assertThat(rotating.rejection(SAFETY.signer().sign(claims()), ISSUED)).isNull();
        assertThat(rotating.rejection(next.signer().sign(claims()), ISSUED)).isNull();
        assertThat(rotating.keyIds()).containsExactly("safety-1", "safety-2");
    }

    @Test
    void shouldNotReadTwoDifferentClearancesAsTheSameSignedString() {
        ClearanceClaims a = ClearanceClaims.unsigned("exp|1", "2", 2, "STAGING", ISSUED, ISSUED);
        ClearanceClaims b = ClearanceClaims.unsigned("exp", "1|2", 2, "STAGING", ISSUED, ISSUED);

        assertThat(a.canonical()).isNotEqualTo(b.canonical());
    }

    @Test
    void shouldReadKeysWrittenAsBase64OrPemAndRefuseOthersNamingTheSetting() {
        String pem = "-----BEGIN PUBLIC KEY-----\n" + SAFETY.publicKeyBase64() + "\n-----END PUBLIC KEY-----\n";

        assertThat(ClearanceKeys.publicKey(pem, "x")).isEqualTo(SAFETY.keys().getPublic());
        assertThat(ClearanceKeys.privateKey(SAFETY.privateKeyBase64(), "x")).isEqualTo(SAFETY.keys().getPrivate());
        assertThatThrownBy(() -> ClearanceKeys.privateKey(SAFETY.publicKeyBase64(), "faultline.clearance.signing-key"))
                .hasMessageStartingWith("faultline.clearance.signing-key is not an Ed25519 private key");
        assertThatThrownBy(() -> ClearanceKeys.keyId("Safety_1", "faultline.clearance.key-id"))
                .hasMessageContaining("faultline.clearance.key-id must be a key id of 1 to 64 of a-z 0-9 -");
    }
}
