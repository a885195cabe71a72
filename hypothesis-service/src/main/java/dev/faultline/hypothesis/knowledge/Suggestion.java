package dev.faultline.hypothesis.knowledge;

import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.IncidentRecorded;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * An experiment an incident suggests: explore {@code faultType} on {@code service}, citing the incident. A proposal
 * with reason INCIDENT and this {@code incidentId} drafts it.
 */
@Serdeable
public record Suggestion(String service, String faultType, String incidentId, String title, String severity,
                         String status, String environment, Instant startedAt, String summary) {

    static Suggestion of(IncidentRecorded incident, String service, FaultType faultType) {
        return new Suggestion(service, faultType.name(), incident.getIncidentId(), incident.getTitle(),
                incident.getSeverity().name(), incident.getStatus().name(), incident.getEnvironment().name(),
                incident.getStartedAt(), incident.getSummary());
    }
}
