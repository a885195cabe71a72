package dev.faultline.safety.approval;

import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.kit.http.ApiException;
import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.plan.PlanBook;
import dev.faultline.safety.policy.SafetyPolicy;
import dev.faultline.safety.preflight.PreflightCoordinator;
import dev.faultline.safety.preflight.PreflightRecord;
import dev.faultline.schemas.avro.ApprovalDecision;
import dev.faultline.schemas.avro.ApprovalRecorded;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * {@code POST /experiments/{id}/approvals}: records a named approver's decision on the experiment's current revision
 * as ApprovalRecorded, then reruns the preflight when the plan is approved in review and not yet cleared.
 */
@Controller("/experiments/{experimentId}/approvals")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ApprovalController {

    private final PlanBook plans;
    private final CassandraApprovals approvals;
    private final SafetyPolicy policy;
    private final EventPublisher publisher;
    private final PreflightCoordinator preflight;
    private final Clock clock;

    public ApprovalController(PlanBook plans, CassandraApprovals approvals, SafetyPolicy policy, EventPublisher publisher,
                              PreflightCoordinator preflight, Clock clock) {
        this.plans = plans;
        this.approvals = approvals;
        this.policy = policy;
        this.publisher = publisher;
        this.preflight = preflight;
        this.clock = clock;
    }

    @Post
    public HttpResponse<ApprovalResponse> approve(@PathVariable String experimentId, @Body ApprovalRequest request)
            throws InterruptedException {
        if (request.approver() == null || request.approver().isBlank()) {
            throw ApiException.badRequest("approver is required");
        }
        ApprovalDecision decision = decision(request.decision());
        Plan latest = plans.latest(experimentId).orElseThrow(() -> ApiException.notFound("unknown experiment " + experimentId));
        ApprovalRule.refusal(request.approver(), plans.proposer(experimentId), policy).ifPresent(reason -> {
            throw ApiException.forbidden(reason);
        });
        int revision = plans.approvedPlan(experimentId).map(a -> a.plan().revision()).orElse(latest.revision());
        String comment = request.comment() == null ? "" : request.comment();
        Approval approval = new Approval(experimentId, revision, request.approver(), decision, comment,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        publisher.publish(ApprovalRecorded.newBuilder()
                .setHeader(EventHeaders.first(experimentId, Actors.person(request.approver()), clock))
                .setRevision(revision).setApprover(Actors.person(request.approver())).setDecision(decision)
                .setEnvironment(latest.environment()).setValidUntil(null).setComment(comment).build());
        approvals.save(approval);
        PreflightRecord rerun = plans.approvedPlan(experimentId).isPresent() ? preflight.run(experimentId, null) : null;
        return HttpResponse.created(new ApprovalResponse(experimentId, revision, request.approver(), decision.name(),
                rerun == null ? null : rerun.passed() ? "PASSED" : "BLOCKED", rerun == null ? null : rerun.summary()));
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
