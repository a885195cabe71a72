package dev.faultline.demo.storefront;

import dev.faultline.demo.pricing.Price;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The storefront's per-product price cache. A fresh entry (younger than the TTL) answers at once;
 * an expired or missing one is refreshed from pricing <em>on the read's own thread</em>; when that
 * refresh fails the expired entry is served as stale, and without any entry the read fails.
 *
 * <p>This is the demo's deliberate resilience gap, written the way it is often written for real:
 * the refresh is synchronous, so while pricing is unreachable every read of an expired entry waits
 * the full pricing timeout before it falls back to the stale price, and concurrent reads of the
 * same product each wait on their own refresh. The fix (serve stale while revalidating in the
 * background, or a circuit breaker that skips the call) is what the example experiment reveals.
 */
public final class PriceCache {

    private final PricingClient pricing;
    private final Clock clock;
    private final Duration ttl;
    private final CacheObserver observer;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile boolean enabled = true;

    public PriceCache(PricingClient pricing, Clock clock, Duration ttl, CacheObserver observer) {
        this.pricing = pricing;
        this.clock = clock;
        this.ttl = ttl;
        this.observer = observer;
    }

    /** The price for a read of {@code productId}; throws when pricing fails and nothing is cached. */
    public PriceLookup lookup(String productId) throws PricingUnavailableException {
        if (!enabled) {
            Price price = pricing.fetch(productId);
            observer.looked(PriceLookup.Source.BYPASS);
            return new PriceLookup(price, PriceLookup.Source.BYPASS, 0);
        }
        Entry cached = entries.get(productId);
        Instant now = clock.instant();
        if (cached != null && ageMillis(cached, now) < ttl.toMillis()) {
            observer.looked(PriceLookup.Source.HIT);
            return new PriceLookup(cached.price(), PriceLookup.Source.HIT, ageMillis(cached, now));
        }
        try {
            Price fresh = pricing.fetch(productId); // the gap: the read waits here, up to the pricing timeout
            entries.put(productId, new Entry(fresh, clock.instant()));
            observer.looked(PriceLookup.Source.MISS);
            return new PriceLookup(fresh, PriceLookup.Source.MISS, 0);
        } catch (PricingUnavailableException e) {
            if (cached == null) {
                throw e;
            }
            observer.looked(PriceLookup.Source.STALE);
            return new PriceLookup(cached.price(), PriceLookup.Source.STALE, ageMillis(cached, clock.instant()));
        }
    }

    /** Switches the cache on or off; switching it off forgets every entry, so nothing stale can be served. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
        if (!enabled) {
            entries.clear();
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    private static long ageMillis(Entry entry, Instant now) {
        return Duration.between(entry.fetchedAt(), now).toMillis();
    }

    private record Entry(Price price, Instant fetchedAt) {
    }
}
