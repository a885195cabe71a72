package dev.faultline.kit.clearance;

import dev.faultline.clearance.ClearanceClaims;
import dev.faultline.schemas.avro.Clearance;
import java.util.UUID;

/** What every service derives from a clearance alike. */
public final class Clearances {

    private Clearances() {
    }

    /** The one injection a clearance can run ({@link ClearanceClaims#injectionIdOf}). */
    public static UUID injectionIdOf(UUID clearanceId) {
        return ClearanceClaims.injectionIdOf(clearanceId);
    }

    /** The Avro clearance of {@code experimentId} as the signed claims (what a host agent is sent with a fault). */
    public static ClearanceClaims claimsOf(String experimentId, Clearance clearance) {
        return new ClearanceClaims(experimentId, clearance.getClearanceId().toString(), clearance.getHypothesisRevision(),
                clearance.getEnvironment().name(), clearance.getIssuedAt(), clearance.getExpiresAt(),
                clearance.getKeyId(), clearance.getSignature());
    }
}
