package dev.faultline.agent.lease;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every leased fault of the agent, by key (the fault's name). Each is registered with its
 * removal, which undoes the fault and answers how the undoing was verified ({@code R}). Every
 * way a fault ends — one stop, a holder's release, an expired lease found by the sweeper —
 * goes through one atomic take-out of the map here, so a removal runs exactly once. A removal
 * must not throw: it reports a failed undo in its result.
 *
 * <p>Like the data plane's registry, with one difference: a removal returns its verification
 * instead of nothing, because the agent's callers must learn whether the host is clean.
 */
public final class LeaseRegistry<R> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseRegistry.class);

    private record Entry<R>(String key, Lease lease, Supplier<R> removal) {
    }

    private final Clock clock;
    private final Map<String, Entry<R>> entries = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;

    /** A registry whose sweeper looks for expired leases every {@code sweepInterval}. */
    public LeaseRegistry(Clock clock, Duration sweepInterval) {
        this.clock = clock;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lease-sweeper");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(1, sweepInterval.toMillis());
        sweeper.scheduleWithFixedDelay(this::sweep, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Leases the fault under {@code key}; false (nothing registered) when the key is already leased. */
    public boolean grant(String key, LeaseTerms terms, Supplier<R> removal) {
        return entries.putIfAbsent(key, new Entry<>(key, Lease.grant(terms, clock.instant()), removal)) == null;
    }

    public Optional<Lease> lease(String key) {
        return Optional.ofNullable(entries.get(key)).map(Entry::lease);
    }

    /** Renews every fault held by {@code holder}; returns the renewed leases by key (empty: it holds none). */
    public Map<String, Lease> renewHolder(String holder) {
        Map<String, Lease> renewed = new TreeMap<>();
        for (Entry<R> e : List.copyOf(entries.values())) {
            if (e.lease().holder().equals(holder)) {
                Entry<R> next = entries.computeIfPresent(e.key(),
                        (k, current) -> new Entry<>(k, current.lease().renew(clock.instant()), current.removal()));
                if (next != null) {
                    renewed.put(next.key(), next.lease());
                }
            }
        }
        return renewed;
    }

    /** Removes one fault now; empty when the key holds no lease (already removed, or expired). */
    public Optional<R> revoke(String key) {
        return take(key, e -> true).map(e -> e.removal().get());
    }

    /** Removes every fault held by {@code holder} (a controller's release or halt); returns their removals. */
    public List<R> revokeHolder(String holder) {
        return removeWhere(e -> e.lease().holder().equals(holder));
    }

    /** Removes every fault whose lease has expired; returns their removals. The sweeper calls this. */
    public List<R> reapExpired() {
        var now = clock.instant();
        List<R> reaped = new ArrayList<>();
        for (String key : List.copyOf(entries.keySet())) {
            take(key, e -> e.lease().isExpired(now)).ifPresent(e -> {
                LOG.warn("lease of {} held by {} expired at {}: removing the fault", key, e.lease().holder(), e.lease().expiresAt());
                R removal = e.removal().get();
                LOG.info("expired fault {} removed: {}", key, removal);
                reaped.add(removal);
            });
        }
        return reaped;
    }

    /** Removes every fault regardless of holder (the agent shutting down). */
    public List<R> revokeAll() {
        return removeWhere(e -> true);
    }

    private List<R> removeWhere(Predicate<Entry<R>> condition) {
        List<R> removed = new ArrayList<>();
        for (String key : List.copyOf(entries.keySet())) {
            take(key, condition).ifPresent(e -> removed.add(e.removal().get()));
        }
        return removed;
    }

    /** Takes the entry out of the registry if it (its current version: a renewal replaces it) meets the condition. */
    private Optional<Entry<R>> take(String key, Predicate<Entry<R>> condition) {
        List<Entry<R>> taken = new ArrayList<>(1);
        entries.computeIfPresent(key, (k, current) -> {
            if (condition.test(current)) {
                taken.add(current);
                return null;
            }
            return current;
        });
        return taken.stream().findFirst();
    }

    /** The leases of {@code holder} by key. */
    public Map<String, Lease> heldBy(String holder) {
        Map<String, Lease> out = new TreeMap<>();
        entries.values().stream().filter(e -> e.lease().holder().equals(holder)).forEach(e -> out.put(e.key(), e.lease()));
        return out;
    }

    public Map<String, Lease> snapshot() {
        Map<String, Lease> out = new TreeMap<>();
        entries.values().forEach(e -> out.put(e.key(), e.lease()));
        return out;
    }

    private void sweep() {
        try {
            reapExpired();
        } catch (RuntimeException e) {
            LOG.error("lease sweep failed; retrying at the next sweep", e);
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
