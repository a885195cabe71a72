package dev.faultline.dataplane.lease;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every leased fault of the data plane, L4 toxics and L7 rules alike. A reaper removes a
 * fault as soon as its lease has expired by calling the removal action it was registered
 * with; {@link #renewHolder} renews all of one controller's faults in one call.
 */
public final class LeaseRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseRegistry.class);

    /** One leased fault: a stable key (e.g. {@code proxy/toxic}), its lease and how to remove it. */
    private record Entry(String key, Lease lease, Runnable removal) {
    }

    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reaper;

    public LeaseRegistry(Clock clock, Duration reapInterval) {
        this.clock = clock;
        this.reaper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lease-reaper");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(1, reapInterval.toMillis());
        reaper.scheduleAtFixedRate(this::reapExpired, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Leases the fault under {@code key} to {@code holder} for {@code ttl}, replacing any earlier lease of that key. */
    public Lease grant(String key, String holder, Duration ttl, Runnable removal) {
        Lease lease = Lease.grant(holder, ttl, clock.instant());
        entries.put(key, new Entry(key, lease, removal));
        return lease;
    }

    public Optional<Lease> lease(String key) {
        return Optional.ofNullable(entries.get(key)).map(Entry::lease);
    }

    /** Renews one fault's lease; empty when the key holds no lease (already removed or expired). */
    public Optional<Lease> renew(String key) {
        Entry renewed = entries.computeIfPresent(key, (k, e) -> new Entry(k, e.lease().renew(clock.instant()), e.removal()));
        return Optional.ofNullable(renewed).map(Entry::lease);
    }

    /** Renews every fault held by {@code holder}; returns how many were renewed. */
    public int renewHolder(String holder) {
        int renewed = 0;
        for (Entry e : List.copyOf(entries.values())) {
            if (e.lease().holder().equals(holder) && renew(e.key()).isPresent()) {
                renewed++;
            }
        }
        return renewed;
    }

    /** Grants a lease on the given terms. */
    public Lease grant(String key, LeaseTerms terms, Runnable removal) {
        return grant(key, terms.holder(), terms.ttl(), removal);
    }

    /**
     * Removes at once every fault held by {@code holder} (a controller's halt), exactly as an
     * expiry would; returns the keys removed.
     */
    public List<String> revokeHolder(String holder) {
        List<String> revoked = new ArrayList<>();
        for (Entry e : List.copyOf(entries.values())) {
            if (e.lease().holder().equals(holder) && entries.remove(e.key(), e)) {
                runRemoval(e);
                revoked.add(e.key());
            }
        }
        return revoked;
    }

    /** Forgets the lease of a fault removed by other means (delete, reset); does not run its removal. */
    public void release(String key) {
        entries.remove(key);
    }

    /** Removes every fault whose lease has expired; returns the keys removed. Runs on the reaper too. */
    public List<String> reapExpired() {
        List<String> reaped = new ArrayList<>();
        var now = clock.instant();
        for (Entry e : List.copyOf(entries.values())) {
            if (e.lease().isExpired(now) && entries.remove(e.key(), e)) {
                LOG.warn("lease of {} held by {} expired at {}: removing the fault", e.key(), e.lease().holder(), e.lease().expiresAt());
                if (runRemoval(e)) {
                    reaped.add(e.key());
                }
            }
        }
        return reaped;
    }

    private static boolean runRemoval(Entry e) {
        try {
            e.removal().run();
            return true;
        } catch (RuntimeException ex) {
            LOG.error("removing fault {} failed", e.key(), ex);
            return false;
        }
    }

    public Map<String, Lease> snapshot() {
        Map<String, Lease> out = new java.util.TreeMap<>();
        entries.values().forEach(e -> out.put(e.key(), e.lease()));
        return out;
    }

    @Override
    public void close() {
        reaper.shutdownNow();
    }
}
