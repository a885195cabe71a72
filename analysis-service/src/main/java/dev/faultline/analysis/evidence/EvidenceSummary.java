package dev.faultline.analysis.evidence;

import dev.faultline.schemas.measure.Measure;
import dev.faultline.schemas.measure.SampleView;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.ProbeSample;
import dev.faultline.schemas.avro.Statistic;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Per probe and phase: how many samples, p50, p99 and error rate — the before/during/after picture of the evidence. */
public final class EvidenceSummary {

    private EvidenceSummary() {
    }

    /** One probe in one phase. Latencies in ms (nearest rank), error rate 0..1 — service-kit's statistics. */
    @Serdeable
    public record ProbePhase(String probeId, ExperimentPhase phase, int samples, double p50Millis, double p99Millis,
                             double errorRate) {
    }

    /** The batches once each (a batch is identified by its injection and sequence), in sequence order. */
    public static List<EvidenceCaptured> unique(List<EvidenceCaptured> evidence) {
        Map<String, EvidenceCaptured> byKey = new TreeMap<>();
        evidence.forEach(batch -> byKey.putIfAbsent(EvidenceRecords.keyOf(batch), batch));
        List<EvidenceCaptured> batches = new ArrayList<>(byKey.values());
        batches.sort(Comparator.comparingLong(EvidenceCaptured::getSequence)
                .thenComparing(b -> String.valueOf(b.getInjectionId())));
        return batches;
    }

    public static List<ProbePhase> of(List<EvidenceCaptured> evidence) {
        Map<String, Map<ExperimentPhase, List<ProbeSample>>> groups = new TreeMap<>();
        for (EvidenceCaptured batch : unique(evidence)) {
            for (ProbeSample sample : batch.getSamples()) {
                groups.computeIfAbsent(sample.getProbeId(), k -> new TreeMap<>())
                        .computeIfAbsent(batch.getPhase(), k -> new ArrayList<>()).add(sample);
            }
        }
        List<ProbePhase> rows = new ArrayList<>();
        groups.forEach((probe, phases) -> phases.forEach((phase, samples) -> {
            List<SampleView> views = samples.stream().map(SampleView::of).toList();
            rows.add(new ProbePhase(probe, phase, samples.size(), of(Statistic.P50_LATENCY, views),
                    of(Statistic.P99_LATENCY, views), of(Statistic.ERROR_RATE, views)));
        }));
        return rows;
    }

    /** A group always has samples, so every statistic of it has a value. */
    private static double of(Statistic statistic, List<SampleView> samples) {
        return Measure.of(statistic).over(samples, null).orElseThrow();
    }

    /** Samples per phase over all probes, in phase order. */
    public static Map<ExperimentPhase, Integer> samplesPerPhase(List<EvidenceCaptured> evidence) {
        Map<ExperimentPhase, Integer> counts = new LinkedHashMap<>();
        for (ExperimentPhase phase : ExperimentPhase.values()) {
            int count = unique(evidence).stream().filter(b -> b.getPhase() == phase)
                    .mapToInt(b -> b.getSamples().size()).sum();
            if (count > 0) {
                counts.put(phase, count);
            }
        }
        return counts;
    }
}
