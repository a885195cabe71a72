package dev.faultline.injector.fault;

import java.util.List;

/**
 * One kind of place that holds faults under leases (the data plane, the hosts' agents), asked at start-up to remove
 * whatever a dead injector process left there under a lease holder. Every such place is a bean implementing this;
 * {@code LeftoverRecovery} asks them all.
 */
public interface LeftoverSweeper {

    /** Where, in words: "the data plane", "agents on 2 hosts". */
    String where();

    /** Removes every fault of {@code holder} still there; returns what was removed (empty when its leases did it). */
    List<String> sweep(String holder);

    /** Whether nothing of {@code holder} is left. */
    boolean gone(String holder);
}
