package dev.faultline.agent.fault;

import dev.faultline.agent.host.Host;

/**
 * One kind of host fault: a record of its own attributes (validated in its compact
 * constructor, with units) that can apply itself and rehearse its own rollback. A new kind is
 * one record implementing this plus one {@code register} line in {@code kind.BuiltInKinds}.
 */
public interface HostFault {

    /**
     * Applies the fault and checks that it took effect; the answer measures and undoes it.
     *
     * @throws FaultRefused when the target is invalid, not allowed, or the fault would cross a floor
     */
    Effect apply(String name, Host host);

    /**
     * Proves, harmlessly, that a fault with these attributes could be applied and undone here:
     * creates a harmless instance (or, where none exists, resolves and probes the target),
     * verifies it, removes it and verifies the removal.
     *
     * @throws FaultRefused as {@link #apply} would
     */
    Rehearsal rehearse(Host host);
}
