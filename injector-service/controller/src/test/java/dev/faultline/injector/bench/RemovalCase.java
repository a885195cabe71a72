package dev.faultline.injector.bench;

import dev.faultline.injector.fault.Fault;
import dev.faultline.injector.fault.Lease;
import java.util.List;

/**
 * One fault family in {@link RemovalBench}: the fault as the injector plans it, in a place the case sets up (and
 * {@link #close() closes}), and one observation of traffic through that place saying whether the fault touched it.
 * The L4 toxic and L7 rule cases are {@link DataPlaneCase}s; a family with a place of its own (a host's agent, a Kafka
 * topic) is one more implementation of this interface, listed in {@link RemovalBench#cases}.
 */
public interface RemovalCase extends AutoCloseable {

    /** A short name for the table, e.g. {@code L7 respond 503}. */
    String name();

    /** What is applied, with its parameters and units, e.g. {@code 503 for a share 0.5 of requests}. */
    String configured();

    /** The fault, planned as a run would plan it, under {@code lease}; its names start with {@code namePrefix}. */
    Fault plan(String namePrefix, Lease lease);

    /** One request (or record, or sample) through the fault's place. */
    Observation observe();

    /** Called once the fault's removal is verified, before the observations after it. */
    default void removed() {
    }

    /** How many observations each trial takes while the fault is applied. */
    int observationsPerTrial();

    /** The effect measured while applied, in words, from every trial's observations during and after the fault. */
    String effect(List<Observation> during, List<Observation> after);

    @Override
    void close();

    /** Whether one request was touched by the fault, and how long it took. */
    record Observation(boolean affected, double millis) {
    }
}
