package dev.faultline.agent.fault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.agent.client.ClearanceJson;
import dev.faultline.agent.host.Host;
import dev.faultline.agent.lease.Lease;
import dev.faultline.agent.lease.LeaseRegistry;
import dev.faultline.clearance.ClaimsVerifier;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faults in force on this host and their lifecycle: create (check the clearance, parse, check
 * the target, apply, lease), stop, release a holder, renew, rehearse. Only creating needs a
 * clearance signed by safety-service: a fault must always be removable, and a rehearsal applies
 * nothing but a harmless instance it removes at once. Every end of a fault — stop, release, lapsed
 * lease, shutdown — goes through the lease registry, which runs its removal exactly once.
 */
public final class HostFaults implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HostFaults.class);

    private final FaultKinds kinds;
    private final Host host;
    private final LeaseRegistry<Removal> leases;
    private final Clock clock;
    private final ClaimsVerifier clearances;
    private final Map<String, ActiveFault> active = new ConcurrentHashMap<>();
    private final Set<String> names = ConcurrentHashMap.newKeySet();

    /** @param clearances the public keys of safety-service that a fault's clearance must verify with */
    public HostFaults(FaultKinds kinds, Host host, LeaseRegistry<Removal> leases, Clock clock, ClaimsVerifier clearances) {
        this.kinds = kinds;
        this.host = host;
        this.leases = leases;
        this.clock = clock;
        this.clearances = clearances;
    }

    /**
     * Applies the ordered fault and leases it; refuses (touching nothing) one without a genuine, unexpired clearance,
     * and an invalid, disallowed or unsafe one.
     */
    public FaultStatus create(FaultOrder order) {
        cleared(order);
        FaultKind<?> kind = kinds.get(order.kind());
        HostFault attributes = kind.parse(order.attributes());
        if (!names.add(order.name())) {
            throw new FaultRefused.NameInUse("a fault named '" + order.name() + "' is in force; stop it or choose another name");
        }
        Effect effect;
        try {
            effect = attributes.apply(order.name(), host);
        } catch (RuntimeException e) {
            names.remove(order.name());
            throw e;
        }
        ActiveFault fault = new ActiveFault(order.name(), kind.name(), order.lease().holder(), attributes, effect,
                measure(effect), clock.instant());
        active.put(fault.name(), fault);
        leases.grant(fault.name(), order.lease(), () -> remove(fault));
        LOG.info("fault {} ({} {}) in force for {}: {}", fault.name(), fault.kind(), attributes, fault.holder(), fault.applied().detail());
        return status(fault, fault.applied());
    }

    private void cleared(FaultOrder order) {
        if (order.clearance() == null) {
            throw new FaultRefused.NotCleared("no clearance: the agent applies a fault only with the clearance of the"
                    + " run it belongs to, as safety-service signed it (field 'clearance' {" + ClearanceJson.FIELDS + "})");
        }
        String rejection = clearances.rejection(order.clearance(), clock.instant());
        if (rejection != null) {
            throw new FaultRefused.NotCleared("nothing applied: " + rejection);
        }
        LOG.info("fault {} cleared by clearance {} of {} (key {})", order.name(), order.clearance().clearanceId(),
                order.clearance().experimentId(), order.clearance().keyId());
    }

    /** Stops one fault and verifies its removal. */
    public Removal stop(String name) {
        return leases.revoke(name).orElseThrow(() -> new FaultRefused.Unknown("no fault named '" + name
                + "' is in force (never created, already stopped, or its lease lapsed)"));
    }

    /** Stops every fault of {@code holder} (a controller's release or halt); empty when it holds none. */
    public List<Removal> release(String holder) {
        return leases.revokeHolder(holder);
    }

    /** Renews the leases of every fault of {@code holder}; empty when it holds none. */
    public Map<String, Lease> renew(String holder) {
        return leases.renewHolder(holder);
    }

    public Rehearsal rehearse(String kindName, JsonNode attributes) {
        FaultKind<?> kind = kinds.get(kindName);
        Rehearsal rehearsal = kind.parse(attributes).rehearse(host).forKind(kind.name());
        LOG.info("rehearsed {}: {}", kind.name(), rehearsal.ok() ? "ok" : "FAILED " + rehearsal.steps());
        return rehearsal;
    }

    /** Every fault in force, each measured now. */
    public List<FaultStatus> list() {
        return active.values().stream().sorted(Comparator.comparing(ActiveFault::createdAt))
                .map(f -> status(f, measure(f))).toList();
    }

    public Optional<FaultStatus> get(String name) {
        return Optional.ofNullable(active.get(name)).map(f -> status(f, measure(f)));
    }

    /** The faults of {@code holder} (in force, hence leased). */
    public List<FaultStatus> heldBy(String holder) {
        return leases.heldBy(holder).keySet().stream().map(active::get).filter(Objects::nonNull)
                .sorted(Comparator.comparing(ActiveFault::createdAt)).map(f -> status(f, f.applied())).toList();
    }

    public List<String> kinds() {
        return kinds.names();
    }

    public int count() {
        return active.size();
    }

    private Removal remove(ActiveFault fault) {
        long start = System.nanoTime();
        Check undone;
        try {
            undone = fault.effect().remove();
        } catch (RuntimeException e) {
            LOG.error("removing fault {} failed", fault.name(), e);
            undone = Check.failed("removal failed: " + e, Map.of());
        } finally {
            active.remove(fault.name());
            names.remove(fault.name());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Removal removal = new Removal(fault.name(), fault.kind(), fault.holder(), undone.ok(), undone.detail(), undone.evidence(), millis);
        if (removal.verified()) {
            LOG.info("fault {} removed, verified in {} ms: {}", fault.name(), millis, undone.detail());
        } else {
            LOG.error("fault {} removed but NOT verified: {}", fault.name(), undone.detail());
        }
        return removal;
    }

    private static Check measure(ActiveFault fault) {
        return measure(fault.effect());
    }

    private static Check measure(Effect effect) {
        try {
            return effect.check();
        } catch (RuntimeException e) {
            return Check.failed("cannot measure: " + e, Map.of());
        }
    }

    private FaultStatus status(ActiveFault fault, Check effect) {
        Lease lease = leases.lease(fault.name()).orElse(null);
        return new FaultStatus(fault.name(), fault.kind(), fault.holder(), lease == null ? 0 : lease.ttl().toMillis(),
                lease == null ? null : lease.expiresAt(), fault.createdAt(), fault.attributes(), effect);
    }

    /** Removes every fault (the agent stopping): a stopped agent leaves nothing behind. */
    @Override
    public void close() {
        List<Removal> removed = leases.revokeAll();
        if (!removed.isEmpty()) {
            LOG.info("stopping: removed {}", removed.stream().map(r -> r.name() + (r.verified() ? " (verified)" : " (NOT verified)")).toList());
        }
        leases.close();
    }
}
