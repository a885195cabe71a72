package dev.faultline.safety.approval;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Body of {@code POST /experiments/{id}/approvals}.
 *
 * @param approver not accepted (400): the approver is the caller's token subject
 */
@Serdeable
public record ApprovalRequest(String approver, String decision, String comment) {
}
