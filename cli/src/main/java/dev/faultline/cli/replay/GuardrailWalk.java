package dev.faultline.cli.replay;

import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.Guardrail;
import dev.faultline.schemas.avro.ProbeSample;
import dev.faultline.schemas.measure.Comparison;
import dev.faultline.schemas.measure.Measure;
import dev.faultline.schemas.measure.SampleView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * "Would this guardrail have stopped that run, and when?": walks an injection's recorded DURING samples in the order
 * their answers arrived and, at each arrival, evaluates the guardrail as the injector does — the statistic over the
 * samples whose answers arrived in its evaluation window (by arrival, not by when the request went out: a request
 * that hangs for longer than the window counts when it fails), compared with its threshold, breached once the
 * condition has held for its sustain without interruption (a window with no value interrupts it). The injector's
 * check that a probe went silent is not replayed: it depends on the injector's settings, not the guardrail's.
 */
final class GuardrailWalk {

    /** When the guardrail would have stopped the run, and the value it saw then. */
    record Trip(String guardrailId, Instant at, Instant holdingSince, double observed) {
    }

    private GuardrailWalk() {
    }

    static Optional<Trip> firstTrip(Guardrail guardrail, List<EvidenceCaptured> evidence) {
        List<ProbeSample> samples = new ArrayList<>();
        for (EvidenceCaptured batch : evidence) {
            if (batch.getPhase() == ExperimentPhase.DURING) {
                batch.getSamples().stream().filter(s -> s.getProbeId().equals(guardrail.getProbeId())).forEach(samples::add);
            }
        }
        samples.sort(Comparator.comparingLong(GuardrailWalk::arrival));
        Measure measure = new Measure(guardrail.getStatistic(), guardrail.getStatus(), guardrail.getHeader());
        long window = guardrail.getEvaluationWindowMillis();
        Long holdingSince = null;
        for (int i = 0; i < samples.size(); i++) {
            long now = arrival(samples.get(i));
            List<SampleView> inWindow = new ArrayList<>();
            for (int j = i; j >= 0 && arrival(samples.get(j)) >= now - window; j--) {
                inWindow.add(SampleView.of(samples.get(j)));
            }
            OptionalDouble observed = measure.over(inWindow, window);
            if (observed.isEmpty() || !Comparison.holds(guardrail.getComparator(), observed.getAsDouble(),
                    guardrail.getThreshold())) {
                holdingSince = null;
                continue;
            }
            holdingSince = holdingSince == null ? now : holdingSince;
            if (now - holdingSince >= guardrail.getSustainMillis()) {
                return Optional.of(new Trip(guardrail.getGuardrailId(), Instant.ofEpochMilli(now),
                        Instant.ofEpochMilli(holdingSince), observed.getAsDouble()));
            }
        }
        return Optional.empty();
    }

    /** A sample is known when its answer came back, not when its request went out. */
    private static long arrival(ProbeSample sample) {
        return sample.getAt().toEpochMilli() + (long) sample.getLatencyMillis();
    }
}
