package dev.faultline.injector.run;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** {@link RunStore} in memory, for unit tests. */
public final class InMemoryRunStore implements RunStore {

    final Map<UUID, UUID> claims = new ConcurrentHashMap<>();
    final Map<UUID, ActiveRecord> active = new ConcurrentHashMap<>();

    @Override
    public Optional<UUID> claim(UUID clearanceId, UUID injectionId, String experimentId) {
        return Optional.ofNullable(claims.putIfAbsent(clearanceId, injectionId));
    }

    @Override
    public Optional<UUID> claimedBy(UUID clearanceId) {
        return Optional.ofNullable(claims.get(clearanceId));
    }

    @Override
    public void recordActive(ActiveRecord record) {
        active.put(record.injectionId(), record);
    }

    /** How many of the next removals fail as a store that does not answer would. */
    final java.util.concurrent.atomic.AtomicInteger failingRemovals = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void removeActive(UUID injectionId) {
        if (failingRemovals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("No node was available to execute the query");
        }
        active.remove(injectionId);
    }

    @Override
    public List<ActiveRecord> active() {
        return List.copyOf(active.values());
    }
}
