package dev.faultline.safety.approval;

import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.plan.PlanBook;
import dev.faultline.safety.policy.SafetyPolicy;
import dev.faultline.safety.preflight.PreflightCoordinator;
import dev.faultline.safety.preflight.PreflightRecord;
import dev.faultline.safety.records.SafetyLog;
import dev.faultline.schemas.avro.Actor;
import dev.faultline.schemas.avro.ApprovalDecision;
import dev.faultline.schemas.avro.ApprovalRecorded;
import dev.faultline.schemas.avro.EventHeader;
import java.time.Clock;
import java.time.Duration;

/**
 * Records a named approver's decision on an experiment — on the approved revision once there is one, else on the
 * latest — as ApprovalRecorded in the {@link SafetyLog}, answering that revision's draft so that it stays in the
 * experiment's trace, then reruns the preflight when the plan is approved in
 * review (a revision already cleared keeps its clearance). An approval is valid until {@code validFor} after it was
 * given; a denial has no end.
 */
public final class ApprovalDesk {

    /** Why an approval was not recorded: the approver may not decide on this experiment. */
    public static final class Refused extends RuntimeException {

        Refused(String message) {
            super(message);
        }
    }

    /**
     * The approval recorded, and the preflight it reran (null when the plan is not approved in review yet, or is
     * deferred to a window that has not started: the approval counts when the preflight runs there).
     */
    public record Outcome(int revision, PreflightRecord rerun) {
    }

    private final PlanBook plans;
    private final SafetyPolicy policy;
    private final SafetyLog log;
    private final PreflightCoordinator preflight;
    private final Clock clock;
    private final Duration validFor;

    /** @param validFor how long an approval counts after it was given (a denial stands until its approver decides again) */
    public ApprovalDesk(PlanBook plans, SafetyPolicy policy, SafetyLog log, PreflightCoordinator preflight, Clock clock,
                        Duration validFor) {
        this.validFor = validFor;
        this.plans = plans;
        this.policy = policy;
        this.log = log;
        this.preflight = preflight;
        this.clock = clock;
    }

    /** @param latest the experiment's latest plan revision, which the caller looked up (and checked the role for) */
    public Outcome record(Plan latest, String approver, ApprovalDecision decision, String comment)
            throws InterruptedException {
        String experimentId = latest.experimentId();
        ApprovalRule.refusal(approver, plans.proposer(experimentId), policy).ifPresent(reason -> {
            throw new Refused(reason);
        });
        int revision = plans.approvedPlan(experimentId).map(a -> a.plan().revision()).orElse(latest.revision());
        Actor person = Actors.person(approver);
        EventHeader header = plans.draftHeader(experimentId, revision)
                .map(draft -> EventHeaders.answering(draft, person, clock))
                .orElseGet(() -> EventHeaders.first(experimentId, person, clock));
        log.record(ApprovalRecorded.newBuilder().setHeader(header)
                .setRevision(revision).setApprover(person).setDecision(decision).setEnvironment(latest.environment())
                .setValidUntil(decision == ApprovalDecision.APPROVED
                        ? header.getOccurredAt().plus(validFor) : null).setComment(comment == null ? "" : comment).build());
        return new Outcome(revision, rerun(experimentId));
    }

    /** The preflight rerun on the approved plan: none before review approves it, nor outside a deferred window. */
    private PreflightRecord rerun(String experimentId) throws InterruptedException {
        if (plans.approvedPlan(experimentId).isEmpty()) {
            return null;
        }
        try {
            return preflight.run(experimentId, null);
        } catch (PreflightCoordinator.NotDueException | PreflightCoordinator.ClearedElsewhereException e) {
            return null; // not due yet; or another instance clears it now (its PreflightPassed says so)
        }
    }
}
