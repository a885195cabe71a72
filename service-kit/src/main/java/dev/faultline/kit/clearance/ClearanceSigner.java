package dev.faultline.kit.clearance;

import dev.faultline.clearance.ClaimsSigner;
import dev.faultline.clearance.ClearanceClaims;
import dev.faultline.schemas.avro.Clearance;
import jakarta.inject.Singleton;

/**
 * Signs clearances with safety-service's Ed25519 private key ({@link ClearanceSigningSettings}): the key id and the
 * signature over the experiment id and every clearance field ({@link ClearanceClaims#canonical()}). Only
 * safety-service makes one; everyone else verifies with public keys ({@link ClearanceVerifier}).
 */
@Singleton
public class ClearanceSigner {

    private final ClaimsSigner signer;

    public ClearanceSigner(ClearanceSigningSettings settings) {
        this(settings.signer());
    }

    public ClearanceSigner(ClaimsSigner signer) {
        this.signer = signer;
    }

    /** {@code clearance} with this signer's key id and signature set (any it had are replaced). */
    public Clearance signed(String experimentId, Clearance clearance) {
        ClearanceClaims claims = signer.sign(Clearances.claimsOf(experimentId, clearance));
        return Clearance.newBuilder(clearance).setKeyId(claims.keyId()).setSignature(claims.signature()).build();
    }
}
