package dev.faultline.dataplane.lease;

import java.time.Duration;
import java.util.Objects;

/**
 * What a controller asks for when it creates a fault: who holds it and for how long between
 * renewals. A fault created without terms gets {@link #byDefault}: every fault expires.
 */
public record LeaseTerms(String holder, Duration ttl) {

    /** Holder of the faults created without a lease (plain Toxiproxy clients). */
    public static final String DEFAULT_HOLDER = "default";

    public LeaseTerms {
        Objects.requireNonNull(holder, "holder");
        if (holder.isBlank()) {
            throw new IllegalArgumentException("lease holder must not be blank");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("lease ttl_ms must be positive, was " + ttl.toMillis());
        }
    }

    public static LeaseTerms byDefault(Duration defaultTtl) {
        return new LeaseTerms(DEFAULT_HOLDER, defaultTtl);
    }
}
