package dev.faultline.injector.fault;

import java.util.List;

/**
 * The injector's view of the fault data plane (its HTTP API). Every call either succeeds or throws
 * {@link DataPlaneException} with the reason; the lifecycle never touches HTTP itself.
 */
public interface DataPlanePort {

    boolean hasProxy(String proxy);

    boolean hasHttpProxy(String httpProxy);

    /** Creates an L4 toxic on {@code proxy} under {@code lease}. */
    void addToxic(String proxy, FaultAction toxic, Lease lease);

    /** Creates an L7 rule (matching every request) on {@code httpProxy} under {@code lease}. */
    void addRule(String httpProxy, FaultAction rule, Lease lease);

    void deleteToxic(String proxy, String toxic);

    /** Deletes rule {@code rule} of {@code httpProxy}; nothing happens when it is already gone. */
    void deleteRule(String httpProxy, String rule);

    /** The names of the rules on {@code httpProxy}. */
    List<String> ruleNames(String httpProxy);

    List<String> toxicNames(String proxy);

    /** Renews every fault of {@code holder}; false when the holder has none left (they expired). */
    boolean renew(String holder);

    /** Removes every fault of {@code holder}; returns the lease keys removed. */
    List<String> release(String holder);

    /** The lease keys {@code holder} still has. */
    List<String> leasesOf(String holder);
}
