package dev.faultline.cli.watch;

import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.ProbeSample;
import dev.faultline.schemas.avro.Statistic;
import dev.faultline.schemas.measure.Measure;
import dev.faultline.schemas.measure.SampleView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Running figures per phase and probe from evidence batches: samples so far, p99 latency so far, the share of
 * failed samples and the share of 503 answers — what the live progress line shows while the injection runs,
 * measured with the contract's {@link Measure}, as guardrails and verdicts measure them.
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
        private static final Measure P99 = Measure.of(Statistic.P99_LATENCY);
        private static final Measure FAILED = Measure.of(Statistic.ERROR_RATE);
        private static final Measure UNAVAILABLE = new Measure(Statistic.STATUS_SHARE, 503, null);

        private final String probeId;
        private final List<SampleView> samples = new ArrayList<>();

        ProbeFigures(String probeId) {
            this.probeId = probeId;
        }

        void add(ProbeSample sample) {
            samples.add(SampleView.of(sample));
        }

        public String probeId() {
            return probeId;
        }

        public int samples() {
            return samples.size();
        }

        public double p99Millis() {
            return P99.over(samples, null).orElse(0);
        }

        public double failedShare() {
            return FAILED.over(samples, null).orElse(0);
        }

        public double unavailableShare() {
            return UNAVAILABLE.over(samples, null).orElse(0);
        }
    }
}
