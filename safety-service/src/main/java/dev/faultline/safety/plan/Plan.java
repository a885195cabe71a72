package dev.faultline.safety.plan;

import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultSpec;
import java.util.List;

/**
 * What preflight needs to know about one revision of an experiment's hypothesis: where it runs, how much traffic
 * it touches, how long, what it breaks and how to probe the target's health.
 *
 * @param dependency the dependency the fault cuts or degrades, or null when the fault targets the service itself
 * @param fault the fault itself, as the hypothesis's scenario states it (its stop action is rehearsed)
 */
public record Plan(String experimentId, int revision, String title, String service, Environment environment,
                   double trafficShare, String dependency, long durationMillis, List<Probe> probes, FaultSpec fault) {

    public Plan {
        probes = List.copyOf(probes);
    }
}
