package dev.faultline.analysis.followup;

import dev.faultline.schemas.avro.FollowUpOpened;
import dev.faultline.schemas.avro.FollowUpStateChanged;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A follow-up as JSON: what it asks, where it stands, its links (experiment, injection, prediction) and, for one, its changes. */
@Serdeable
public record FollowUpView(String followUpId, String experimentId, @Nullable String injectionId,
                           @Nullable String predictionId, String kind, String description, String service,
                           String faultType, String environment, String state, @Nullable String assignee,
                           String openedAt, String updatedAt, @Nullable List<Change> history) {

    /** One triage step. */
    @Serdeable
    public record Change(int sequence, String at, String actor, String from, String to, @Nullable String assignee,
                         @Nullable String note) {

        static Change of(FollowUpStateChanged c) {
            return new Change(c.getSequence(), c.getHeader().getOccurredAt().toString(),
                    c.getHeader().getActor().getId(), c.getFrom().name(), c.getTo().name(), c.getAssignee(), c.getNote());
        }
    }

    static FollowUpView of(QueuedFollowUp f, List<FollowUpStateChanged> history) {
        FollowUpOpened o = f.opened();
        return new FollowUpView(f.id().toString(), f.experimentId(),
                o.getInjectionId() == null ? null : o.getInjectionId().toString(), o.getPredictionId(),
                o.getKind().name(), o.getDescription(), o.getService(), o.getFaultType().name(), o.getEnvironment().name(),
                f.state().name(), f.assignee(), o.getHeader().getOccurredAt().toString(), f.updatedAt().toString(),
                history == null ? null : history.stream().map(Change::of).toList());
    }
}
