package dev.faultline.safety.plan;

import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.RiskLevel;
import java.util.List;

/**
 * What preflight needs to know about one revision of an experiment's hypothesis: where it runs, how much traffic
 * it touches, how long, what it breaks and how to probe the target's health.
 *
 * @param dependency the dependency the fault cuts or degrades, or null when the fault targets the service itself
 * @param fault the fault itself, as the hypothesis's scenario states it (its stop action is rehearsed)
 * @param riskLevel the risk the hypothesis stage judged (how many approvers it needs)
 * @param templateId the failure-mode template the hypothesis was drafted from, or null
 */
public record Plan(String experimentId, int revision, String title, String service, Environment environment,
                   double trafficShare, String dependency, long durationMillis, List<Probe> probes, FaultSpec fault,
                   RiskLevel riskLevel, String templateId) {

    public Plan {
        probes = List.copyOf(probes);
    }
}
