package dev.faultline.cli.replay;

import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.InjectionRefused;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.ProbeSample;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One injection as the topics recorded it: its start or refusal, its stop, and its evidence batches — held only until
 * its verdict is checked ({@link #release}), after which only the counts remain.
 */
final class InjectionRecord {

    final UUID injectionId;
    InjectionStarted started;
    InjectionStopped stopped;
    InjectionRefused refused;
    private List<EvidenceCaptured> evidence = new ArrayList<>();
    private final Set<Long> sequences = new HashSet<>();
    private final Map<ExperimentPhase, Long> samplesByPhase = new EnumMap<>(ExperimentPhase.class);
    long batches;
    long batchesAfterVerdict;
    Long firstSample;
    Long lastSample;
    boolean checked;

    InjectionRecord(UUID injectionId) {
        this.injectionId = injectionId;
    }

    void add(EvidenceCaptured batch) {
        if (checked) {
            batchesAfterVerdict++;
            return;
        }
        evidence.add(batch);
        sequences.add(batch.getSequence());
        batches++;
        samplesByPhase.merge(batch.getPhase(), (long) batch.getSamples().size(), Long::sum);
        if (batch.getSamples().isEmpty()) {
            return;
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (ProbeSample sample : batch.getSamples()) {
            long at = sample.getAt().toEpochMilli();
            first = Math.min(first, at);
            last = Math.max(last, at);
        }
        firstSample = firstSample == null ? first : Math.min(firstSample, first);
        lastSample = lastSample == null ? last : Math.max(lastSample, last);
    }

    List<EvidenceCaptured> evidence() {
        return evidence;
    }

    Set<Long> sequences() {
        return sequences;
    }

    Map<ExperimentPhase, Long> samplesByPhase() {
        return samplesByPhase;
    }

    /** Drops the evidence once the verdict is checked: the replay's memory stays bounded on long topics. */
    void release() {
        checked = true;
        evidence = List.of();
        sequences.clear();
    }
}
