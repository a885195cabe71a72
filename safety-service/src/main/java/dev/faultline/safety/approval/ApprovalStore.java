package dev.faultline.safety.approval;

import dev.faultline.safety.preflight.ApprovalBook;

/** Port: the {@link ApprovalBook}, written only from ApprovalRecorded events. */
public interface ApprovalStore extends ApprovalBook {

    /** Upserts one approval (one row per revision, time and approver). */
    void save(Approval approval);
}
