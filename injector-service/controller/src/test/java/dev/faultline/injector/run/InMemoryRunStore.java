package dev.faultline.injector.run;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** {@link RunStore} in memory, for unit tests. */
public final class InMemoryRunStore implements RunStore {

    final Map<UUID, UUID> claims = new ConcurrentHashMap<>();
    final Map<UUID, Owned> active = new ConcurrentHashMap<>();
    final Map<String, java.time.Instant> beats = new ConcurrentHashMap<>();
    final Map<String, String> members = new ConcurrentHashMap<>();
    private final String owner;

    public InMemoryRunStore() {
        this("injector-test");
    }

    public InMemoryRunStore(String owner) {
        this.owner = owner;
    }

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
        active.put(record.injectionId(), new Owned(record, owner));
    }

    @Override
    public void restoreActive(ActiveRecord record) {
        active.put(record.injectionId(), new Owned(record, null));
    }

    /** How many of the next removals fail as a store that does not answer would. */
    final java.util.concurrent.atomic.AtomicInteger failingRemovals = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.Set<UUID> unforgotten = ConcurrentHashMap.newKeySet();

    @Override
    public void removeActive(UUID injectionId) {
        if (failingRemovals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            unforgotten.add(injectionId); // as the contract says: forgotten at the next heartbeat
            throw new IllegalStateException("No node was available to execute the query");
        }
        active.remove(injectionId);
    }

    @Override
    public List<Owned> active() {
        return List.copyOf(active.values());
    }

    @Override
    public boolean takeOver(UUID injectionId, String from) {
        Owned taken = active.computeIfPresent(injectionId,
                (id, now) -> java.util.Objects.equals(now.owner(), from) ? new Owned(now.record(), owner) : now);
        return taken != null && owner.equals(taken.owner());
    }

    @Override
    public String owner() {
        return owner;
    }

    @Override
    public void beat(java.time.Instant at, String member) {
        beats.put(owner, at);
        unforgotten.removeIf(id -> {
            active.remove(id);
            return true;
        });
        if (member != null) {
            members.put(owner, member);
        }
    }

    @Override
    public Map<String, java.time.Instant> beats() {
        return Map.copyOf(beats);
    }

    @Override
    public Map<String, String> members() {
        return Map.copyOf(members);
    }
}
