package dev.faultline.safety.approval;

import dev.faultline.kit.http.ApiException;
import dev.faultline.safety.preflight.PreflightRecord;
import dev.faultline.schemas.avro.ApprovalDecision;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code POST /experiments/{id}/approvals}: checks the request (400 naming the field) and hands it to the
 * {@link ApprovalDesk}; 404 for an unknown experiment, 403 for an approver who may not decide, else 201 with the
 * preflight it reran.
 */
@Controller("/experiments/{experimentId}/approvals")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ApprovalController {

    private final ApprovalDesk desk;

    public ApprovalController(ApprovalDesk desk) {
        this.desk = desk;
    }

    @Post
    public HttpResponse<ApprovalResponse> approve(@PathVariable String experimentId, @Body ApprovalRequest request)
            throws InterruptedException {
        if (request.approver() == null || request.approver().isBlank()) {
            throw ApiException.badRequest("approver is required");
        }
        ApprovalDecision decision = decision(request.decision());
        try {
            ApprovalDesk.Outcome outcome = desk.record(experimentId, request.approver(), decision, request.comment());
            PreflightRecord rerun = outcome.rerun();
            return HttpResponse.created(new ApprovalResponse(experimentId, outcome.revision(), request.approver(),
                    decision.name(), rerun == null ? null : rerun.passed() ? "PASSED" : "BLOCKED",
                    rerun == null ? null : rerun.summary()));
        } catch (ApprovalDesk.Refused refused) {
            throw switch (refused.kind()) {
                case UNKNOWN_EXPERIMENT -> ApiException.notFound(refused.getMessage());
                case NOT_ALLOWED -> ApiException.forbidden(refused.getMessage());
            };
        }
    }

    private static ApprovalDecision decision(String value) {
        if ("APPROVED".equals(value)) {
            return ApprovalDecision.APPROVED;
        }
        if ("DENIED".equals(value)) {
            return ApprovalDecision.DENIED;
        }
        throw ApiException.badRequest("decision must be APPROVED or DENIED, not " + value);
    }
}
