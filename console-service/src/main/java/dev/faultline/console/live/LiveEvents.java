package dev.faultline.console.live;

import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.HaltRequested;
import dev.faultline.schemas.avro.HaltScope;
import dev.faultline.schemas.avro.InjectionRefused;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.ProbeSample;
import dev.faultline.schemas.avro.VerdictIssued;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/** The console's view of the events it shows live; every other event is not shown. Pure. */
public final class LiveEvents {

    private LiveEvents() {
    }

    public static Optional<LiveEvent> of(SpecificRecord event) {
        if (event instanceof EvidenceCaptured e) {
            return Optional.of(new LiveEvent(LiveEvent.EVIDENCE, e.getHeader().getExperimentId(),
                    text(e.getInjectionId()), e.getHeader().getOccurredAt(), null, null, null, null,
                    e.getPhase().name(), e.getSequence(), e.getSamples().stream().map(LiveEvents::point).toList()));
        }
        if (event instanceof InjectionStarted e) {
            return Optional.of(new LiveEvent(LiveEvent.INJECTION, e.getHeader().getExperimentId(),
                    text(e.getInjectionId()), e.getHeader().getOccurredAt(), "STARTED", describe(e.getFault()),
                    e.getHeader().getOccurredAt(), e.getDeadline(), null, null, List.of()));
        }
        if (event instanceof InjectionStopped e) {
            return Optional.of(new LiveEvent(LiveEvent.INJECTION, e.getHeader().getExperimentId(),
                    text(e.getInjectionId()), e.getHeader().getOccurredAt(), "STOPPED",
                    e.getReason().name() + (e.getDetail() == null ? "" : ": " + e.getDetail()),
                    e.getStartedAt(), e.getStoppedAt(), null, null, List.of()));
        }
        if (event instanceof InjectionRefused e) {
            return Optional.of(new LiveEvent(LiveEvent.INJECTION, e.getHeader().getExperimentId(),
                    text(e.getInjectionId()), e.getHeader().getOccurredAt(), "REFUSED",
                    e.getReason().name() + (e.getDetail() == null ? "" : ": " + e.getDetail()), null, null, null,
                    null, List.of()));
        }
        if (event instanceof VerdictIssued e) {
            return Optional.of(new LiveEvent(LiveEvent.VERDICT, e.getHeader().getExperimentId(),
                    text(e.getInjectionId()), e.getHeader().getOccurredAt(), e.getOutcome().name(), e.getSummary(),
                    null, null, null, null, List.of()));
        }
        if (event instanceof HaltRequested e) {
            return Optional.of(new LiveEvent(LiveEvent.HALT,
                    e.getScope() == HaltScope.EXPERIMENT ? e.getHeader().getExperimentId() : null, null,
                    e.getHeader().getOccurredAt(), e.getScope().name(), e.getReason(), null, null, null, null,
                    List.of()));
        }
        return Optional.empty();
    }

    private static LiveEvent.Point point(ProbeSample sample) {
        return new LiveEvent.Point(sample.getProbeId(), sample.getAt().toEpochMilli(), sample.getLatencyMillis(),
                sample.getOk(), sample.getStatus());
    }

    private static String describe(FaultSpec fault) {
        String target = fault.getTarget().getService()
                + (fault.getTarget().getDependency() == null ? "" : " → " + fault.getTarget().getDependency());
        return fault.getFaultType().name() + " on " + target + " for " + fault.getDurationMillis() / 1000 + " s";
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
