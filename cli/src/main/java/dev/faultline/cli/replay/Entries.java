package dev.faultline.cli.replay;

import dev.faultline.evaluation.Wording;
import dev.faultline.schemas.avro.Actor;
import dev.faultline.schemas.avro.ApprovalRecorded;
import dev.faultline.schemas.avro.ExperimentProposed;
import dev.faultline.schemas.avro.ExperimentScheduled;
import dev.faultline.schemas.avro.Guardrail;
import dev.faultline.schemas.avro.HaltLifted;
import dev.faultline.schemas.avro.HaltRequested;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.HypothesisRejected;
import dev.faultline.schemas.avro.InjectionRefused;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.avro.PlanReviewed;
import dev.faultline.schemas.avro.Prediction;
import dev.faultline.schemas.avro.PreflightBlocked;
import dev.faultline.schemas.avro.PreflightCheckResult;
import dev.faultline.schemas.avro.PreflightPassed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;

/** The decision-trail lines an event contributes (evidence and verdicts are summarised by {@link Auditor}). */
final class Entries {

    private Entries() {
    }

    static List<TrailEntry> of(SpecificRecord event, Instant at) {
        List<TrailEntry> entries = new ArrayList<>();
        if (event instanceof ExperimentProposed p) {
            entries.add(TrailEntry.of(at, "proposal", actor(p.getHeader().getActor()), "proposed " + p.getFaultType()
                    + " on " + p.getService() + (p.getDependency() == null ? "" : "→" + p.getDependency()) + " in "
                    + p.getEnvironment() + " (" + p.getReason() + "): " + p.getMotivation()));
        } else if (event instanceof HypothesisDrafted d) {
            entries.add(new TrailEntry(at, "hypothesis", actor(d.getHeader().getActor()), "revision " + d.getRevision()
                    + " drafted: " + d.getHypothesis().getTitle()
                    + (d.getChangeSummary() == null ? "" : " (" + d.getChangeSummary() + ")"), plan(d.getHypothesis())));
        } else if (event instanceof HypothesisRejected r) {
            entries.add(TrailEntry.of(at, "hypothesis", actor(r.getHeader().getActor()), "rejected by lint: "
                    + r.getFindings().stream().map(f -> f.getRule() + " " + f.getMessage()).collect(Collectors.joining("; "))));
        } else if (event instanceof PlanReviewed r) {
            entries.add(TrailEntry.of(at, "review", actor(r.getReviewer()), r.getDecision() + " revision "
                    + r.getRevision() + (r.getComments().isEmpty() ? "" : ": " + r.getComments().stream()
                    .map(c -> (c.getPath() == null ? "" : c.getPath() + ": ") + c.getText()).collect(Collectors.joining("; ")))));
        } else if (event instanceof PlanApproved a) {
            entries.add(TrailEntry.of(at, "review", actor(a.getHeader().getActor()), "revision " + a.getRevision()
                    + " approved by reviewers " + a.getReviewers().stream().map(Entries::actor).toList()));
        } else if (event instanceof ApprovalRecorded a) {
            entries.add(TrailEntry.of(at, "approval", actor(a.getApprover()), a.getDecision() + " revision "
                    + a.getRevision() + " for " + a.getEnvironment()
                    + (a.getValidUntil() == null ? "" : " until " + a.getValidUntil()) + ": " + a.getComment()));
        } else if (event instanceof ExperimentScheduled s) {
            entries.add(TrailEntry.of(at, "schedule", actor(s.getHeader().getActor()), "revision " + s.getRevision()
                    + " scheduled " + s.getWindowStart() + " – " + s.getWindowEnd() + (s.getDeferred() ? " (deferred)" : "")
                    + ": " + s.getReason()));
        } else if (event instanceof PreflightPassed p) {
            p.getChecks().forEach(check -> entries.add(check(at, p.getHeader().getActor(), check)));
        } else if (event instanceof PreflightBlocked b) {
            b.getChecks().forEach(check -> entries.add(check(at, b.getHeader().getActor(), check)));
            entries.add(TrailEntry.of(at, "preflight", actor(b.getHeader().getActor()), "blocked revision "
                    + b.getRevision() + ": " + b.getSummary()));
        } else if (event instanceof InjectionStarted s) {
            entries.add(TrailEntry.of(at, "fault", actor(s.getHeader().getActor()), "applied " + Wording.fault(s.getFault())
                    + " (injection " + s.getInjectionId() + ", clearance " + s.getClearanceId() + ", controller "
                    + s.getController() + ", deadline " + s.getDeadline() + ", stop action verified "
                    + s.getStopActionVerified() + ")"));
        } else if (event instanceof InjectionRefused r) {
            entries.add(TrailEntry.of(at, "fault", actor(r.getHeader().getActor()), "refused injection "
                    + r.getInjectionId() + " (" + r.getReason() + "): " + r.getDetail()));
        } else if (event instanceof InjectionStopped s) {
            entries.add(TrailEntry.of(at, "stop", actor(s.getHeader().getActor()), "stopped on " + s.getReason()
                    + (s.getGuardrailId() == null ? "" : " (guardrail " + s.getGuardrailId() + ", observed "
                    + s.getObserved() + ")") + ": " + s.getDetail() + "; rollback verified " + s.getRollbackVerified()
                    + ", " + (s.getEvidenceBatches() == null ? "batches not counted" : s.getEvidenceBatches() + " batches")));
        } else if (event instanceof HaltRequested h) {
            entries.add(TrailEntry.of(at, "halt", actor(h.getHeader().getActor()), "halt requested: " + h.getReason()));
        } else if (event instanceof HaltLifted h) {
            entries.add(TrailEntry.of(at, "halt", actor(h.getHeader().getActor()), "halt lifted"));
        }
        return entries;
    }

    private static TrailEntry check(Instant at, Actor actor, PreflightCheckResult check) {
        Map<String, String> details = new LinkedHashMap<>(check.getDetails());
        details.put("checkedAt", String.valueOf(check.getCheckedAt()));
        return new TrailEntry(at, "preflight", actor(actor), check.getKind() + " " + check.getOutcome() + ": "
                + check.getReason(), details);
    }

    private static Map<String, String> plan(Hypothesis h) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("fault", Wording.fault(h.getScenario()) + " for " + h.getScenario().getDurationMillis() + " ms");
        details.put("blast radius", h.getBlastRadius().getEnvironment() + ", " + h.getBlastRadius().getTargets()
                + ", traffic share " + h.getBlastRadius().getTrafficShare());
        details.put("risk", String.valueOf(h.getRiskLevel()));
        for (Prediction p : h.getPredictions()) {
            details.put("prediction " + p.getPredictionId(), Wording.statistic(p) + " of " + p.getProbeId() + " "
                    + Wording.symbol(p.getComparator()) + " " + Wording.quantity(p.getThreshold(), p.getUnit())
                    + " (" + p.getWindow().getPhase() + ", ≥ " + p.getWindow().getMinSamples() + " samples)");
        }
        for (Guardrail g : h.getGuardrails()) {
            details.put("guardrail " + g.getGuardrailId(), g.getStatistic() + " of " + g.getProbeId() + " "
                    + Wording.symbol(g.getComparator()) + " " + Wording.quantity(g.getThreshold(), g.getUnit())
                    + " over " + g.getEvaluationWindowMillis() + " ms, sustained " + g.getSustainMillis() + " ms");
        }
        return details;
    }

    static String actor(Actor actor) {
        return Optional.ofNullable(actor).map(a -> a.getKind() + ":" + a.getId()
                + (a.getDisplayName() == null ? "" : " (" + a.getDisplayName() + ")")).orElse("?");
    }
}
