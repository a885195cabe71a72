package dev.faultline.safety.approval;

import io.micronaut.serde.annotation.Serdeable;

/** Body of {@code POST /experiments/{id}/approvals}. */
@Serdeable
public record ApprovalRequest(String approver, String decision, String comment) {
}
