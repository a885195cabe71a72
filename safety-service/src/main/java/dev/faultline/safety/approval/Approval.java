package dev.faultline.safety.approval;

import dev.faultline.schemas.avro.ApprovalDecision;
import java.time.Instant;

/** One approver's recorded decision on one revision of an experiment. */
public record Approval(String experimentId, int revision, String approver, ApprovalDecision decision, String comment,
                       Instant recordedAt) {
}
