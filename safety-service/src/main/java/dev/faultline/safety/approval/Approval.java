package dev.faultline.safety.approval;

import dev.faultline.schemas.avro.ApprovalDecision;
import dev.faultline.schemas.avro.ApprovalRecorded;
import java.time.Instant;

/** One approver's recorded decision on one revision of an experiment. */
public record Approval(String experimentId, int revision, String approver, ApprovalDecision decision, String comment,
                       Instant recordedAt) {

    /** The approval an ApprovalRecorded tells, recorded when the event occurred. */
    public static Approval of(ApprovalRecorded recorded) {
        return new Approval(recorded.getHeader().getExperimentId(), recorded.getRevision(),
                recorded.getApprover().getId(), recorded.getDecision(), recorded.getComment(),
                recorded.getHeader().getOccurredAt());
    }
}
