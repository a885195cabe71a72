package dev.faultline.safety.claim;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Names held by one holder at a time, shared by every safety-service instance: each change is a compare-and-set on
 * the current holder, so of two instances racing for a name exactly one gets it. A claim lapses by itself at the time
 * it is kept until, so a holder that never lets go (its instance died) cannot hold a name for ever. A name's scope
 * is what comes before its last {@code /} ({@code service/STAGING} of {@code service/STAGING/storefront}).
 */
public interface Claims {

    /** {@code holder} holds {@code name} since {@code claimedAt}; {@code until} is the holder's own promise of an end. */
    record Claim(String name, String holder, Instant claimedAt, Instant until) {
    }

    Optional<Claim> read(String name);

    /** The claims whose names are {@code scope + "/" + something} (the last segment), held now. */
    List<Claim> within(String scope);

    /**
     * Writes {@code next} if {@code name} is held by {@code expected} now (null: by nobody), kept until
     * {@code keepUntil}; true when it was written.
     */
    boolean swap(String name, String expected, Claim next, Instant keepUntil);

    /** Lets go of {@code name} if {@code holder} holds it now; true when it did (false: not held by it any more). */
    boolean release(String name, String holder);

    /** The scope of {@code name}: what comes before its last {@code /} (empty when it has none). */
    static String scopeOf(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }
}
