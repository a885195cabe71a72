package dev.faultline.safety.plan;

import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.RiskLevel;
import java.time.Instant;
import java.util.List;

/**
 * What preflight needs to know about one revision of an experiment's hypothesis: where it runs, how much traffic
 * it touches, how long, what it breaks and how to probe the target's health.
 *
 * @param dependency the dependency the fault cuts or degrades, or null when the fault targets the service itself
 * @param fault the fault itself, as the hypothesis's scenario states it (its stop action is rehearsed)
 * @param riskLevel the risk the hypothesis stage judged (how many approvers it needs)
 * @param templateId the failure-mode template the hypothesis was drafted from, or null
 * @param requestedStart the start the proposal asked for (the preflight runs then), or null: once approved
 * @param requestedEnd the end of the window the proposal asked for, or null
 */
public record Plan(String experimentId, int revision, String title, String service, Environment environment,
                   double trafficShare, String dependency, long durationMillis, List<Probe> probes, FaultSpec fault,
                   RiskLevel riskLevel, String templateId, Instant requestedStart, Instant requestedEnd) {

    public Plan {
        probes = List.copyOf(probes);
    }

    /** A plan to run once approved, with no requested window. */
    public Plan(String experimentId, int revision, String title, String service, Environment environment,
                double trafficShare, String dependency, long durationMillis, List<Probe> probes, FaultSpec fault,
                RiskLevel riskLevel, String templateId) {
        this(experimentId, revision, title, service, environment, trafficShare, dependency, durationMillis, probes,
                fault, riskLevel, templateId, null, null);
    }

    /** Whether the proposal asked for a start or a window: then the preflight waits for it. */
    public boolean requestsWindow() {
        return requestedStart != null || requestedEnd != null;
    }
}
