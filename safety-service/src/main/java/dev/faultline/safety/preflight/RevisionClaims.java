package dev.faultline.safety.preflight;

import dev.faultline.safety.claim.Claims;
import dev.faultline.safety.claim.Claims.Claim;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One clearance per approved revision, whichever instance issues it. Any safety-service instance answers a rerun
 * over HTTP (an operator's, an approval's) while the one that owns the experiment's partition runs the preflight the
 * approval asked for; the record of a clearance only shows once it is published, seconds of checks after each began.
 * Both could clear, and the injector runs each clearance once — the experiment would run twice. So a clearance is
 * only signed by the instance that first names it for the revision ({@link Claims}, compare-and-set, one winner);
 * the other returns the winner's clearance once it is recorded.
 */
public final class RevisionClaims {

    private final Claims claims;

    public RevisionClaims(Claims claims) {
        this.claims = claims;
    }

    /**
     * Names {@code clearanceId} as the revision's clearance until {@code keepUntil} (by then its record is long
     * written); empty when it is, else the clearance another instance named first.
     */
    public Optional<String> take(String experimentId, int revision, UUID clearanceId, Instant now, Instant keepUntil) {
        String name = "clearance/" + experimentId + "/" + revision;
        Claim mine = new Claim(name, clearanceId.toString(), now, keepUntil);
        if (claims.swap(name, null, mine, keepUntil)) {
            return Optional.empty();
        }
        // the winner's name; if its claim lapsed in between (it was kept for the clearance's whole life), say so
        return Optional.of(claims.read(name).map(Claim::holder).orElse("one that has since expired"));
    }
}
