package dev.faultline.safety.approval;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Answer of {@code POST /experiments/{id}/approvals}: the recorded decision and, when the plan was approved and not
 * yet cleared, the outcome of the preflight rerun ({@code PASSED} / {@code BLOCKED}, else null).
 */
@Serdeable
public record ApprovalResponse(String experimentId, int revision, String approver, String decision, String preflight,
                               String preflightSummary) {
}
