package dev.faultline.hypothesis.proposal;

import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.ProposalReason;
import java.time.Instant;
import java.util.Map;

/**
 * A request to explore a failure mode, whether it came from the topic or from {@code POST /proposals}.
 * The share of traffic to affect and fault parameters travel as labels ({@code trafficShare},
 * {@code latencyMillis}, {@code status}), since the proposal event has no fields for them.
 *
 * @param requestedDurationMillis null when the proposer left the duration to the template's default
 * @param incidentId              the incident that prompted it (reason INCIDENT), or null
 * @param requestedStart          when the preflight should run (safety-service waits for it), or null: once approved
 * @param requestedEnd            the end of the window the run must fit in, or null
 */
public record Proposal(String experimentId, String service, FaultType faultType, String dependency,
                       Environment environment, String proposer, ProposalReason reason, String motivation,
                       Long requestedDurationMillis, Map<String, String> labels, String incidentId,
                       Instant requestedStart, Instant requestedEnd) {

    public static final String TRAFFIC_SHARE_LABEL = "trafficShare";

    public Proposal {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        motivation = motivation == null ? "" : motivation;
    }

    /** A proposal to run once approved. */
    public Proposal(String experimentId, String service, FaultType faultType, String dependency, Environment environment,
                    String proposer, ProposalReason reason, String motivation, Long requestedDurationMillis,
                    Map<String, String> labels, String incidentId) {
        this(experimentId, service, faultType, dependency, environment, proposer, reason, motivation,
                requestedDurationMillis, labels, incidentId, null, null);
    }

    /** A proposal no incident prompted. */
    public Proposal(String experimentId, String service, FaultType faultType, String dependency, Environment environment,
                    String proposer, ProposalReason reason, String motivation, Long requestedDurationMillis,
                    Map<String, String> labels) {
        this(experimentId, service, faultType, dependency, environment, proposer, reason, motivation,
                requestedDurationMillis, labels, null);
    }

    public String label(String name) {
        return labels.get(name);
    }
}
