package dev.faultline.injector.clearance;

import dev.faultline.kit.clearance.ClearanceVerifier;
import dev.faultline.schemas.avro.Clearance;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.PreflightPassed;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decides whether a PreflightPassed may inject: its clearance must be genuine (signed by safety-service's key, the
 * one its key id names among the public keys the injector trusts) and unexpired, issued for the revision it names, and that revision must be the approved one whose hypothesis the
 * injector holds. Pure: the approved revision and hypothesis are passed in.
 */
public final class ClearanceCheck {

    private final ClearanceVerifier verifier;

    public ClearanceCheck(ClearanceVerifier verifier) {
        this.verifier = verifier;
    }

    /** The clearance's own verdict (signature, key id and expiry), or null when genuine and valid. */
    public String signatureRejection(PreflightPassed passed, Instant now) {
        Clearance clearance = passed.getClearance();
        return verifier.rejection(passed.getHeader().getExperimentId(), clearance, now);
    }

    /**
     * Why a genuine clearance is too old to start from, or null. A preflight vouches for the system's state when it
     * ran (baseline health, calendar); starting long after — e.g. a fresh injector replaying the topic from offset
     * zero while old clearances are still unexpired — would inject on a stale check.
     */
    public static String staleness(PreflightPassed passed, Instant now, java.time.Duration maxAge) {
        Instant issued = passed.getClearance().getIssuedAt();
        long age = java.time.Duration.between(issued, now).toMillis();
        if (age > maxAge.toMillis()) {
            return "clearance " + passed.getClearance().getClearanceId() + " was issued " + age / 1000
                    + " s ago; a preflight is fresh for " + maxAge.toMillis() / 1000 + " s (faultline.injector.max-clearance-age-millis)";
        }
        return null;
    }

    /** Why {@code passed} must not inject, or null when it may run {@code hypothesis}. */
    public String rejection(PreflightPassed passed, OptionalInt approved, Optional<Hypothesis> hypothesis, Instant now) {
        String forged = signatureRejection(passed, now);
        if (forged != null) {
            return forged;
        }
        int revision = passed.getRevision();
        int cleared = passed.getClearance().getHypothesisRevision();
        if (cleared != revision) {
            return "clearance " + passed.getClearance().getClearanceId() + " is for revision " + cleared
                    + " but the PreflightPassed is for revision " + revision;
        }
        if (approved.isEmpty()) {
            return "no PlanApproved is known for experiment " + passed.getHeader().getExperimentId();
        }
        if (approved.getAsInt() != revision) {
            return "revision " + revision + " is not the approved revision " + approved.getAsInt();
        }
        if (hypothesis.isEmpty()) {
            return "revision " + revision + " of experiment " + passed.getHeader().getExperimentId()
                    + " was never drafted (no HypothesisDrafted)";
        }
        return null;
    }
}
