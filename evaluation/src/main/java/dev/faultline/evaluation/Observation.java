package dev.faultline.evaluation;

import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.ProbeSample;
import dev.faultline.schemas.measure.SampleView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One probe sample with the phase of its batch, its position in the evidence and its {@link SampleView} (made once
 * here: every prediction and its control read it). {@link #ordered} flattens batches into one deterministic
 * sequence: batches by sequence (duplicates dropped), samples by time, probe and position.
 */
public record Observation(ExperimentPhase phase, ProbeSample sample, SampleView view, int position) {

    private static final Comparator<EvidenceCaptured> BATCH_ORDER = Comparator
            .comparingLong(EvidenceCaptured::getSequence)
            .thenComparing(batch -> String.valueOf(batch.getInjectionId()));
    private static final Comparator<Observation> SAMPLE_ORDER = Comparator
            .comparing((Observation o) -> o.sample().getAt())
            .thenComparing(o -> o.sample().getProbeId())
            .thenComparingInt(Observation::position);

    public static List<Observation> ordered(List<EvidenceCaptured> evidence) {
        Map<String, EvidenceCaptured> unique = new LinkedHashMap<>();
        evidence.stream().sorted(BATCH_ORDER)
                .forEach(batch -> unique.putIfAbsent(batch.getInjectionId() + "#" + batch.getSequence(), batch));
        List<Observation> observations = new ArrayList<>();
        for (EvidenceCaptured batch : unique.values()) {
            for (ProbeSample sample : batch.getSamples()) {
                observations.add(new Observation(batch.getPhase(), sample, SampleView.of(sample), observations.size()));
            }
        }
        observations.sort(SAMPLE_ORDER);
        return observations;
    }

    public long at() {
        return sample.getAt().toEpochMilli();
    }
}
