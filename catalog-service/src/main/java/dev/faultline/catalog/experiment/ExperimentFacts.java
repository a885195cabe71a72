package dev.faultline.catalog.experiment;

import dev.faultline.schemas.avro.ApprovalDecision;
import dev.faultline.schemas.avro.ApprovalRecorded;
import dev.faultline.schemas.avro.ExperimentProposed;
import dev.faultline.schemas.avro.ExperimentScheduled;
import dev.faultline.schemas.avro.FaultTarget;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.HypothesisRejected;
import dev.faultline.schemas.avro.InjectionRefused;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.LintFinding;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.avro.PlanReviewed;
import dev.faultline.schemas.avro.PreflightBlocked;
import dev.faultline.schemas.avro.PreflightPassed;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.avro.VerdictOutcome;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;

/** Reads what each workflow event says about its experiment (status, attributes, a one-line summary). Pure. */
final class ExperimentFacts {

    private ExperimentFacts() {
    }

    /** The fact of a workflow event; empty for events that are not part of an experiment's timeline. */
    static Optional<ExperimentFact> of(SpecificRecord event) {
        if (event instanceof ExperimentProposed e) {
            return Optional.of(ExperimentFact.of(ExperimentStatus.PROPOSED, String.format("%s under %s in %s proposed by %s (%s)%s",
                            e.getService(), e.getFaultType(), e.getEnvironment(), e.getHeader().getActor().getId(),
                            e.getReason(), e.getDependency() == null ? "" : ", dependency " + e.getDependency()))
                    .about(e.getService(), e.getFaultType().name(), e.getEnvironment().name()));
        }
        if (event instanceof HypothesisDrafted e) {
            return Optional.of(ExperimentFact.of(ExperimentStatus.DRAFTED, "revision " + e.getRevision() + " drafted: "
                            + e.getHypothesis().getTitle() + (e.getChangeSummary() == null ? "" : " (" + e.getChangeSummary() + ")"))
                    .about(e.getHypothesis().getService(), e.getHypothesis().getScenario().getFaultType().name(),
                            e.getHypothesis().getBlastRadius().getEnvironment().name())
                    .revision(e.getRevision()));
        }
        if (event instanceof HypothesisRejected e) {
            return Optional.of(ExperimentFact.of(ExperimentStatus.REJECTED, "rejected: " + e.getFindings().stream()
                    .map(ExperimentFacts::finding).collect(Collectors.joining("; "))));
        }
        if (event instanceof PlanReviewed e) {
            return Optional.of(ExperimentFact.of(ExperimentStatus.IN_REVIEW, "revision " + e.getRevision() + " "
                    + e.getDecision() + " by " + e.getReviewer().getId()
                    + (e.getComments().isEmpty() ? "" : " (" + e.getComments().size() + " comments)")).revision(e.getRevision()));
        }
        if (event instanceof PlanApproved e) {
            return Optional.of(ExperimentFact.of(ExperimentStatus.APPROVED, "revision " + e.getRevision() + " approved by "
                    + e.getReviewers().stream().map(a -> a.getId()).collect(Collectors.joining(", "))).revision(e.getRevision()));
        }
        if (event instanceof ApprovalRecorded e) {
            ExperimentStatus status = e.getDecision() == ApprovalDecision.APPROVED ? ExperimentStatus.APPROVED : null;
            return Optional.of(ExperimentFact.of(status, "sign-off " + e.getDecision() + " by " + e.getApprover().getId()
                    + " for " + e.getEnvironment() + (e.getComment().isBlank() ? "" : ": " + e.getComment())));
        }
        if (event instanceof ExperimentScheduled e && e.getDeferred()) {
            return Optional.of(ExperimentFact.of(ExperimentStatus.SCHEDULED, "scheduled for " + e.getWindowStart()
                    + " in " + e.getEnvironment() + " (window until " + e.getWindowEnd() + ")"
                    + (e.getReason().isBlank() ? "" : ": " + e.getReason())).revision(e.getRevision()));
        }
        if (event instanceof ExperimentScheduled e) {
            return Optional.of(ExperimentFact.of(null, "scheduled in " + e.getEnvironment() + " between "
                    + e.getWindowStart() + " and " + e.getWindowEnd() + (e.getReason().isBlank() ? "" : " (" + e.getReason() + ")")));
        }
        if (event instanceof PreflightPassed e) {
            return Optional.of(ExperimentFact.of(ExperimentStatus.CLEARED, "preflight passed (" + e.getChecks().size()
                    + " checks), clearance valid until " + e.getClearance().getExpiresAt()).revision(e.getRevision()));
        }
        if (event instanceof PreflightBlocked e) {
            return Optional.of(ExperimentFact.of(ExperimentStatus.BLOCKED, "preflight blocked: " + e.getSummary()));
        }
        if (event instanceof InjectionStarted e) {
            return Optional.of(ExperimentFact.of(ExperimentStatus.INJECTING, e.getFault().getFaultType() + " on "
                            + target(e.getFault().getTarget()) + " until " + e.getDeadline())
                    .about(e.getFault().getTarget().getService(), e.getFault().getFaultType().name(), null));
        }
        if (event instanceof InjectionStopped e) {
            return Optional.of(ExperimentFact.of(ExperimentStatus.STOPPED, "stopped (" + e.getReason() + ")"
                            + (e.getDetail().isBlank() ? "" : ": " + e.getDetail())
                            + (e.getRollbackVerified() ? ", fault removed and verified" : ", rollback NOT verified"))
                    .stopReason(e.getReason().name()));
        }
        if (event instanceof InjectionRefused e) {
            return Optional.of(ExperimentFact.of(ExperimentStatus.ABORTED, "refused by the injector (" + e.getReason() + "): "
                    + e.getDetail()).stopReason(StopReason.REFUSED.name()).revision(e.getRevision()));
        }
        if (event instanceof VerdictIssued e) {
            ExperimentStatus status = e.getOutcome() == VerdictOutcome.ABORTED ? ExperimentStatus.ABORTED : ExperimentStatus.COMPLETED;
            ExperimentFact fact = ExperimentFact.of(status, e.getOutcome() + ": " + e.getSummary())
                    .about(e.getService(), e.getFaultType().name(), e.getEnvironment().name())
                    .revision(e.getRevision()).verdict(e.getOutcome().name());
            return Optional.of(e.getStopReason() == null ? fact : fact.stopReason(e.getStopReason().name()));
        }
        return Optional.empty();
    }

    private static String finding(LintFinding finding) {
        return finding.getRule() + " " + finding.getMessage();
    }

    private static String target(FaultTarget target) {
        return target.getDependency() == null ? target.getService() : target.getService() + "→" + target.getDependency();
    }
}
