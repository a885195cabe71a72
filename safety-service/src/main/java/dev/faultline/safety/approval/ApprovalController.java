package dev.faultline.safety.approval;

import dev.faultline.kit.http.ApiException;
import dev.faultline.kit.security.Roles;
import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.plan.PlanBook;
import dev.faultline.safety.preflight.PreflightRecord;
import dev.faultline.schemas.avro.ApprovalDecision;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code POST /experiments/{id}/approvals}: the approver is the caller's token subject, and their authority is the
 * role {@code approver:<environment>} of the experiment's environment. Checks the request (400 naming the field) and
 * hands it to the {@link ApprovalDesk}; 404 for an unknown experiment, 403 naming the missing role or for the
 * proposer approving their own experiment, else 201 with the preflight it reran.
 */
@Controller("/experiments/{experimentId}/approvals")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ApprovalController {

    private final ApprovalDesk desk;
    private final PlanBook plans;

    public ApprovalController(ApprovalDesk desk, PlanBook plans) {
        this.desk = desk;
        this.plans = plans;
    }

    @Post
    public HttpResponse<ApprovalResponse> approve(@PathVariable String experimentId, @Body ApprovalRequest request,
                                                  Authentication caller) throws InterruptedException {
        Plan plan = plans.latest(experimentId).orElseThrow(() -> ApiException.notFound("unknown experiment " + experimentId));
        Roles.require(caller, Roles.approver(plan.environment()), "approving in " + plan.environment());
        Roles.refuseNamedActor(caller, request.approver(), "approver", "leave it out of the body");
        ApprovalDecision decision = decision(request.decision());
        try {
            ApprovalDesk.Outcome outcome = desk.record(plan, caller.getName(), decision, request.comment());
            PreflightRecord rerun = outcome.rerun();
            return HttpResponse.created(new ApprovalResponse(experimentId, outcome.revision(), caller.getName(),
                    decision.name(), rerun == null ? null : rerun.passed() ? "PASSED" : "BLOCKED",
                    rerun == null ? null : rerun.summary()));
        } catch (ApprovalDesk.Refused refused) {
            throw ApiException.forbidden(refused.getMessage());
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
