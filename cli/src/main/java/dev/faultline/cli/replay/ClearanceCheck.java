package dev.faultline.cli.replay;

import dev.faultline.clearance.ClaimsVerifier;
import dev.faultline.clearance.ClearanceClaims;
import dev.faultline.schemas.avro.Clearance;
import java.security.PublicKey;
import java.util.Map;

/**
 * Verifies a recorded clearance's Ed25519 signature with the public key its key id names, as the injector did before
 * applying the fault. Expiry is judged at issue time here: when the fault started is checked against the clearance
 * separately, since a clearance read long after it expired was still genuine.
 */
final class ClearanceCheck {

    private final ClaimsVerifier verifier;

    /** @param keys public keys by key id; empty: every clearance is reported as unverifiable */
    ClearanceCheck(Map<String, PublicKey> keys) {
        this.verifier = keys.isEmpty() ? null : new ClaimsVerifier(keys, new BouncyCastleEd25519());
    }

    /** Why the clearance is not genuine, or null when its signature verifies. */
    String rejection(String experimentId, Clearance clearance) {
        if (verifier == null) {
            return "no public key to verify clearance " + clearance.getClearanceId() + " (signed with key id '"
                    + clearance.getKeyId() + "'): give --public-keys DIR";
        }
        ClearanceClaims claims = new ClearanceClaims(experimentId, clearance.getClearanceId().toString(),
                clearance.getHypothesisRevision(), clearance.getEnvironment().name(), clearance.getIssuedAt(),
                clearance.getExpiresAt(), clearance.getKeyId(), clearance.getSignature());
        return verifier.rejection(claims, clearance.getIssuedAt());
    }
}
