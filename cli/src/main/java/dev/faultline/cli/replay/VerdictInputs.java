package dev.faultline.cli.replay;

import dev.faultline.clearance.ClearanceClaims;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.PreflightPassed;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.avro.VerdictIssued;
import java.time.Duration;

/**
 * Finds, in an experiment's trail, what a recorded verdict was computed from, choosing the rule analysis-service
 * chose: a refusal, a clearance no injector took, a lost injector, or a stop.
 */
final class VerdictInputs {

    /** The inputs and the rule's name, or what is missing (inputs null). */
    record Found(Recompute.Inputs inputs, String rule, String missing) {
    }

    private VerdictInputs() {
    }

    static Found of(ExperimentTrail trail, VerdictIssued issued, Duration startWithin) {
        Hypothesis hypothesis = trail.revisions.get(issued.getRevision());
        InjectionRecord injection = issued.getInjectionId() == null ? null : trail.injections.get(issued.getInjectionId());
        String revision = "hypothesis revision " + issued.getRevision();
        if (issued.getStopReason() == StopReason.REFUSED) {
            return injection == null || injection.refused == null
                    ? missing("the InjectionRefused of injection " + issued.getInjectionId())
                    : new Found(new Recompute.Refused(hypothesis, injection.refused), "refused", null);
        }
        if (injection == null || injection.started == null) {
            PreflightPassed cleared = trail.clearances.values().stream()
                    .filter(p -> ClearanceClaims.injectionIdOf(p.getClearance().getClearanceId()).equals(issued.getInjectionId()))
                    .findFirst().orElse(null);
            if (cleared == null || hypothesis == null) {
                return missing(cleared == null ? "the clearance of injection " + issued.getInjectionId() : revision);
            }
            return new Found(new Recompute.NeverStarted(hypothesis, cleared, issued.getInjectionId(),
                    cleared.getClearance().getIssuedAt().plus(startWithin)), "never started", null);
        }
        if (hypothesis == null) {
            return missing(revision);
        }
        // a verdict answering the stop (the restarted injector's InjectionStopped(LOST) arriving before the watchdog's
        // grace ran out, say) was judged as a stop; one answering the start is the watchdog's
        boolean answersItsStop = injection.stopped != null
                && injection.stopped.getHeader().getEventId().equals(issued.getHeader().getCausationId());
        if (!answersItsStop && (issued.getStopReason() == StopReason.LOST || injection.stopped == null)) {
            return new Found(new Recompute.Lost(hypothesis, issued.getRevision(), injection.evidence(),
                    injection.started), "lost injector", null);
        }
        return new Found(new Recompute.Stopped(hypothesis, issued.getRevision(), injection.evidence(),
                injection.started, injection.stopped), "stopped", null);
    }

    private static Found missing(String what) {
        return new Found(null, null, what);
    }
}
