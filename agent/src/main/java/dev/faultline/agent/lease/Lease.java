package dev.faultline.agent.lease;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The expiry every fault carries: the holder (a controller's id) must renew it before
 * {@code expiresAt}, or the fault removes itself. Immutable; renewing gives a new lease.
 */
public record Lease(String holder, Duration ttl, Instant expiresAt) {

    public Lease {
        Objects.requireNonNull(holder, "holder");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("lease ttl must be positive, was " + ttl);
        }
    }

    public static Lease grant(LeaseTerms terms, Instant now) {
        return new Lease(terms.holder(), terms.ttl(), now.plus(terms.ttl()));
    }

    public Lease renew(Instant now) {
        return new Lease(holder, ttl, now.plus(ttl));
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
