package dev.faultline.injector.fault;

/**
 * What a {@link FaultKind} plans a fault with: the target's declared routes, a prefix that makes the fault's names
 * unique in their place, the lease the fault lives under, and the experiment it is for (null for a rollback
 * rehearsal, which is for none).
 */
public record FaultContext(Route route, String namePrefix, Lease lease, String experimentId) {

    /** A context for no experiment: the rollback dry run's. */
    public FaultContext(Route route, String namePrefix, Lease lease) {
        this(route, namePrefix, lease, null);
    }
}
