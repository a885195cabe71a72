package dev.faultline.safety.norm;

import dev.faultline.safety.plan.Probe;
import java.time.Instant;
import java.util.List;

/**
 * Port: the HTTP probes whose history is kept — those of the plans approved in review in the last
 * {@code retention}; a probe's latest approved definition wins, whatever order the approvals are read in.
 */
public interface WatchedProbes {

    /** One probe to sample, as its latest approved plan defines it. */
    record Watched(ProbeKey key, Probe probe) {
    }

    void watch(ProbeKey key, Probe probe, Instant approvedAt);

    List<Watched> all();
}
