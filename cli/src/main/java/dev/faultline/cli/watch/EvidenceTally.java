package dev.faultline.cli.watch;

import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.ProbeSample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Running figures per phase and probe from evidence batches: samples so far, p99 latency so far
 * (nearest rank), the share of failed samples and the share of 503 answers — what the live
 * progress line shows while the injection runs.
 */
public final class EvidenceTally {

    private final Map<String, ProbeFigures> figures = new LinkedHashMap<>();

    public void add(ExperimentPhase phase, List<ProbeSample> samples) {
        for (ProbeSample sample : samples) {
            figures.computeIfAbsent(phase + "/" + sample.getProbeId(), key -> new ProbeFigures(sample.getProbeId()))
                    .add(sample);
        }
    }

    /** The figures of every probe seen in {@code phase}, in the order the probes first appeared. */
    public List<ProbeFigures> of(ExperimentPhase phase) {
        List<ProbeFigures> found = new ArrayList<>();
        figures.forEach((key, value) -> {
            if (key.startsWith(phase + "/")) {
                found.add(value);
            }
        });
        return found;
    }

    /** One probe's samples in one phase. */
    public static final class ProbeFigures {
        private final String probeId;
        private final List<Double> latencies = new ArrayList<>();
        private int failed;
        private int unavailable;

        ProbeFigures(String probeId) {
            this.probeId = probeId;
        }

        void add(ProbeSample sample) {
            latencies.add(sample.getLatencyMillis());
            if (!sample.getOk()) {
                failed++;
            }
            if (sample.getStatus() != null && sample.getStatus() == 503) {
                unavailable++;
            }
        }

        public String probeId() {
            return probeId;
        }

        public int samples() {
            return latencies.size();
        }

        public double p99Millis() {
            if (latencies.isEmpty()) {
                return 0;
            }
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            int rank = (int) Math.ceil(0.99 * sorted.size());
            return sorted.get(Math.max(0, rank - 1));
        }

        public double failedShare() {
            return latencies.isEmpty() ? 0 : (double) failed / latencies.size();
        }

        public double unavailableShare() {
            return latencies.isEmpty() ? 0 : (double) unavailable / latencies.size();
        }
    }
}
