package dev.faultline.cli.replay;

import dev.faultline.evaluation.Verdict;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.Guardrail;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.PredictionResult;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.avro.VerdictIssued;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Judges one recorded injection again under a {@link Policy}: its guardrails walked over the recorded evidence
 * (a trip before the recorded stop would have aborted the run then), its thresholds in the hypothesis, the verdict
 * computed as analysis-service would have. Nothing is written.
 */
final class PolicyReplay {

    private PolicyReplay() {
    }

    /** Empty for verdicts with no evidence to judge again (refused, never started). */
    static Optional<ExperimentTrail.PolicyOutcome> of(Policy policy, ExperimentTrail trail, VerdictIssued issued,
                                                      VerdictInputs.Found found) {
        Hypothesis hypothesis;
        List<EvidenceCaptured> evidence;
        InjectionStarted started;
        InjectionStopped stopped;
        int revision;
        if (found.inputs() instanceof Recompute.Stopped s) {
            hypothesis = s.hypothesis();
            evidence = s.evidence();
            started = s.started();
            stopped = s.stopped();
            revision = s.revision();
        } else if (found.inputs() instanceof Recompute.Lost l) {
            hypothesis = l.hypothesis();
            evidence = l.evidence();
            started = l.started();
            stopped = null;
            revision = l.revision();
        } else {
            return Optional.empty();
        }
        Instant recordedEnd = stopped != null ? stopped.getStoppedAt() : started.getDeadline();
        List<GuardrailWalk.Trip> trips = new ArrayList<>();
        for (Guardrail guardrail : policy.guardrailsAsRecorded()) {
            GuardrailWalk.firstTrip(guardrail, evidence).filter(t -> t.at().isBefore(recordedEnd)).ifPresent(trips::add);
        }
        Hypothesis changed = policy.apply(hypothesis);
        Optional<GuardrailWalk.Trip> first = trips.stream().min(Comparator.comparing(GuardrailWalk.Trip::at));
        Recompute.Inputs inputs;
        if (first.isPresent()) {
            inputs = new Recompute.Stopped(changed, revision, evidence, started, trippedStop(started, stopped, first.get()));
        } else if (stopped != null) {
            inputs = new Recompute.Stopped(changed, revision, evidence, started, stopped);
        } else {
            inputs = new Recompute.Lost(changed, revision, evidence, started);
        }
        Verdict wouldBe = Recompute.verdict(inputs, Verdict.of(issued).confidenceLevel());
        String recordedStop = stopped != null ? stopped.getReason() + " at " + stopped.getStoppedAt()
                : "LOST (no stop by the deadline " + started.getDeadline() + ")";
        return Optional.of(new ExperimentTrail.PolicyOutcome(issued.getInjectionId(), issued.getOutcome(),
                wouldBe.outcome(), wouldBe.summary(), recordedStop, changes(hypothesis, changed, issued, wouldBe), trips));
    }

    private static InjectionStopped trippedStop(InjectionStarted started, InjectionStopped stopped, GuardrailWalk.Trip trip) {
        return InjectionStopped.newBuilder().setHeader(started.getHeader()).setInjectionId(started.getInjectionId())
                .setReason(StopReason.GUARDRAIL).setGuardrailId(trip.guardrailId()).setObserved(trip.observed())
                .setDetail("policy guardrail " + trip.guardrailId() + " observed " + trip.observed())
                .setStartedAt(started.getHeader().getOccurredAt()).setStoppedAt(trip.at()).setRollbackVerified(true)
                .setEvidenceBatches(stopped == null ? null : stopped.getEvidenceBatches()).build();
    }

    private static List<ExperimentTrail.PredictionChange> changes(Hypothesis recorded, Hypothesis changed,
                                                                  VerdictIssued issued, Verdict wouldBe) {
        List<ExperimentTrail.PredictionChange> changes = new ArrayList<>();
        for (int i = 0; i < changed.getPredictions().size(); i++) {
            String id = changed.getPredictions().get(i).getPredictionId();
            PredictionResult before = issued.getResults().stream().filter(r -> r.getPredictionId().equals(id))
                    .findFirst().orElse(null);
            PredictionResult after = wouldBe.results().stream().filter(r -> r.getPredictionId().equals(id))
                    .findFirst().orElse(null);
            changes.add(new ExperimentTrail.PredictionChange(id, recorded.getPredictions().get(i).getThreshold(),
                    changed.getPredictions().get(i).getThreshold(),
                    before == null ? "-" : String.valueOf(before.getOutcome()),
                    after == null ? "-" : String.valueOf(after.getOutcome()), after == null ? null : after.getObserved()));
        }
        return changes;
    }
}
