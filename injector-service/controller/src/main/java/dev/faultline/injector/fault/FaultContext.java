package dev.faultline.injector.fault;

/**
 * What a {@link FaultKind} plans a fault with: the target's declared routes, a prefix that makes the fault's names
 * unique in their place, and the lease the fault lives under.
 */
public record FaultContext(Route route, String namePrefix, Lease lease) {
}
