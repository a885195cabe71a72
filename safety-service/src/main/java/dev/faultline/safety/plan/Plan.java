package dev.faultline.safety.plan;

import dev.faultline.schemas.avro.Environment;
import java.util.List;

/**
 * What preflight needs to know about one revision of an experiment's hypothesis: where it runs, how much traffic
 * it touches, how long, what it breaks and how to probe the target's health.
 *
 * @param dependency the dependency the fault cuts or degrades, or null when the fault targets the service itself
 */
public record Plan(String experimentId, int revision, String title, String service, Environment environment,
                   double trafficShare, String dependency, long durationMillis, List<Probe> probes) {

    public Plan {
        probes = List.copyOf(probes);
    }
}
