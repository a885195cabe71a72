package dev.faultline.injector.fault;

import dev.faultline.clearance.ClearanceClaims;

/**
 * What a {@link FaultKind} plans a fault with: the target's declared routes, a prefix that makes the fault's names
 * unique in their place, the lease the fault lives under, and the clearance of the run it is for (null for a rollback
 * rehearsal, which is for none and may apply no real fault). A kind whose place checks clearances itself (a host
 * agent) hands it on with the fault.
 */
public record FaultContext(Route route, String namePrefix, Lease lease, ClearanceClaims clearance) {

    /** A context for no experiment: the rollback dry run's. */
    public FaultContext(Route route, String namePrefix, Lease lease) {
        this(route, namePrefix, lease, null);
    }

    /** The experiment the fault is for; null for a rollback rehearsal. */
    public String experimentId() {
        return clearance == null ? null : clearance.experimentId();
    }
}
