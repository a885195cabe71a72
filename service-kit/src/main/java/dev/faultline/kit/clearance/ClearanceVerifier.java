package dev.faultline.kit.clearance;

import dev.faultline.clearance.ClaimsVerifier;
import dev.faultline.schemas.avro.Clearance;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Checks that a clearance is safety-service's and unexpired, with the public keys this service trusts
 * ({@link ClearanceKeySettings}), the one its key id names. A clearance forged, altered, signed with another key or
 * relabelled with another key id fails; the reason says which.
 */
@Singleton
public class ClearanceVerifier {

    private final ClaimsVerifier verifier;

    public ClearanceVerifier(ClearanceKeySettings settings) {
        this(settings.verifier());
    }

    public ClearanceVerifier(ClaimsVerifier verifier) {
        this.verifier = verifier;
    }

    /** Why {@code clearance} is not genuine and valid at {@code now}, or null when it is. */
    public String rejection(String experimentId, Clearance clearance, Instant now) {
        return verifier.rejection(Clearances.claimsOf(experimentId, clearance), now);
    }
}
