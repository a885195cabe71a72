package dev.faultline.safety.support;

import dev.faultline.safety.claim.Claims;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Claims in a map, compare-and-set under its lock; nothing lapses by time (a test moves its clock instead). */
public final class InMemoryClaims implements Claims {

    private final Map<String, Claim> claims = new ConcurrentHashMap<>();

    @Override
    public Optional<Claim> read(String name) {
        return Optional.ofNullable(claims.get(name));
    }

    @Override
    public List<Claim> within(String scope) {
        return claims.values().stream().filter(c -> Claims.scopeOf(c.name()).equals(scope)).toList();
    }

    @Override
    public synchronized boolean swap(String name, String expected, Claim next, Instant keepUntil) {
        Claim held = claims.get(name);
        if (!Objects.equals(held == null ? null : held.holder(), expected)) {
            return false;
        }
        claims.put(name, next);
        return true;
    }

    @Override
    public synchronized boolean release(String name, String holder) {
        Claim held = claims.get(name);
        if (held == null || !held.holder().equals(holder)) {
            return false;
        }
        claims.remove(name);
        return true;
    }
}
