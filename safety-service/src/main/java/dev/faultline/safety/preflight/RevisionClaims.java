package dev.faultline.safety.preflight;

import dev.faultline.safety.claim.Claims;
import dev.faultline.safety.claim.Claims.Claim;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One clearance per approved revision, whichever instance issues it, and none while its window is being moved. Any
 * safety-service instance answers a rerun over HTTP (an operator's, an approval's) or a move of the window, while the
 * one that owns the experiment's partition runs the preflight the approval asked for; the record of a clearance only
 * shows once it is published, seconds of checks after each began. Both could clear, and the injector runs each
 * clearance once — the experiment would run twice; or one could clear for a window another just moved. So the
 * revision has one name in {@link Claims} (compare-and-set, one winner): a clearance is only signed by the instance
 * that named it first, the other returning the winner's clearance once it is recorded; a move holds the name while it
 * publishes the new window, and a clearance that finds it held by a move, or finds the window moved once it holds the
 * name, clears nothing.
 */
public final class RevisionClaims {

    private static final String MOVE = "move ";
    /** A move publishes one event while it holds the name; a move whose instance died lets go after this. */
    private static final Duration MOVE_HOLD = Duration.ofSeconds(30);

    private final Claims claims;

    public RevisionClaims(Claims claims) {
        this.claims = claims;
    }

    /**
     * Names {@code holder} (a clearance id) as the revision's clearance until {@code keepUntil} (by then its record is
     * long written); empty when it is, else who holds the name: another clearance, or a move ({@link #isMove}).
     */
    public Optional<String> take(String experimentId, int revision, String holder, Instant now, Instant keepUntil) {
        String name = name(experimentId, revision);
        if (claims.swap(name, null, new Claim(name, holder, now, keepUntil), keepUntil)) {
            return Optional.empty();
        }
        // the winner's name; if its claim lapsed in between (it was kept for the clearance's whole life), say so
        return Optional.of(claims.read(name).map(Claim::holder).orElse("one that has since expired"));
    }

    /** Holds the revision's name for a move of its window: the move's holder, or empty when a clearance has it. */
    public Optional<String> takeForMove(String experimentId, int revision, Instant now) {
        String mover = MOVE + UUID.randomUUID();
        return take(experimentId, revision, mover, now, now.plus(MOVE_HOLD)).isEmpty() ? Optional.of(mover)
                : Optional.empty();
    }

    /** The clearance holding the revision's name, if one does (a move's hold is not one). */
    public Optional<String> clearance(String experimentId, int revision) {
        return claims.read(name(experimentId, revision)).map(Claim::holder).filter(h -> !isMove(h));
    }

    /** Lets go of the name if {@code holder} holds it: a clearance not issued after all, or a move done. */
    public void release(String experimentId, int revision, String holder) {
        claims.release(name(experimentId, revision), holder);
    }

    /** Whether the name's holder is a move of the window rather than a clearance. */
    public static boolean isMove(String holder) {
        return holder.startsWith(MOVE);
    }

    private static String name(String experimentId, int revision) {
        return "clearance/" + experimentId + "/" + revision;
    }
}
