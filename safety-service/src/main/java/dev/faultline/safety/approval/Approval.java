package dev.faultline.safety.approval;

import dev.faultline.schemas.avro.ApprovalDecision;
import dev.faultline.schemas.avro.ApprovalRecorded;
import java.time.Instant;

/**
 * One approver's recorded decision on one revision of an experiment.
 *
 * @param validUntil when an approval lapses; null when it does not (approvals recorded before they expired)
 */
public record Approval(String experimentId, int revision, String approver, ApprovalDecision decision, String comment,
                       Instant recordedAt, Instant validUntil) {

    /** Whether this is an approval that has lapsed at {@code now}. */
    public boolean expiredAt(Instant now) {
        return decision == ApprovalDecision.APPROVED && validUntil != null && !now.isBefore(validUntil);
    }

    /** The approval an ApprovalRecorded tells, recorded when the event occurred. */
    public static Approval of(ApprovalRecorded recorded) {
        return new Approval(recorded.getHeader().getExperimentId(), recorded.getRevision(),
                recorded.getApprover().getId(), recorded.getDecision(), recorded.getComment(),
                recorded.getHeader().getOccurredAt(), recorded.getValidUntil());
    }
}
