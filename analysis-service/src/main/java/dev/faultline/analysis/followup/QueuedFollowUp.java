package dev.faultline.analysis.followup;

import dev.faultline.schemas.avro.FollowUpOpened;
import dev.faultline.schemas.avro.FollowUpState;
import java.time.Instant;
import java.util.UUID;

/**
 * One follow-up in the queue: the event that opened it and where it stands now.
 *
 * @param sequence  the number of the last change applied (0: none since it was opened)
 * @param published whether its FollowUpOpened reached the topic (a claim whose publication failed is published again)
 */
public record QueuedFollowUp(FollowUpOpened opened, FollowUpState state, String assignee, int sequence,
                             Instant updatedAt, boolean published) {

    public UUID id() {
        return opened.getFollowUpId();
    }

    public String experimentId() {
        return opened.getHeader().getExperimentId();
    }
}
