package dev.faultline.agent.lease;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a controller asks for when it creates a fault: who holds it and for how long between
 * renewals. The holder appears in URLs ({@code /leases/{holder}}), hence its alphabet.
 */
public record LeaseTerms(String holder, Duration ttl) {

    public static final Duration MAX_TTL = Duration.ofHours(24);
    private static final Pattern HOLDER = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    public LeaseTerms {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(ttl, "ttl");
        if (!HOLDER.matcher(holder).matches()) {
            throw new IllegalArgumentException("'holder' must be 1 to 128 of A-Z a-z 0-9 . _ : @ -, was '" + holder + "'");
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("'ttlMillis' must be from 1 to " + MAX_TTL.toMillis() + " ms, was " + ttl.toMillis());
        }
    }
}
