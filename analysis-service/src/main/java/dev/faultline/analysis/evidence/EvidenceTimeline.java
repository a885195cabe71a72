package dev.faultline.analysis.evidence;

import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.ProbeSample;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The evidence over time, for charts: every sample's time, latency and success per probe (in columns, as a chart
 * library takes them), and when each injection's fault was on.
 */
public final class EvidenceTimeline {

    private EvidenceTimeline() {
    }

    /** One probe's samples in time order: {@code at} epoch ms, {@code latencyMillis}, {@code ok}, index by index. */
    @Serdeable
    public record Series(String probeId, List<Long> at, List<Double> latencyMillis, List<Boolean> ok) {
    }

    /** When an injection's fault was applied and removed, epoch ms; {@code stoppedAt} null while it is on. */
    @Serdeable
    public record FaultWindow(String injectionId, long startedAt, Long stoppedAt) {

        /** From the stop when recorded (it states both times), else from the start's event time. */
        public static FaultWindow of(InjectionStarted started, InjectionStopped stopped) {
            if (stopped != null) {
                return new FaultWindow(stopped.getInjectionId().toString(), stopped.getStartedAt().toEpochMilli(),
                        stopped.getStoppedAt().toEpochMilli());
            }
            return new FaultWindow(started.getInjectionId().toString(),
                    started.getHeader().getOccurredAt().toEpochMilli(), null);
        }
    }

    /** The samples of {@code batches} (each given once: {@link EvidenceSummary#unique}), per probe in probe-id order. */
    public static List<Series> series(List<EvidenceCaptured> batches) {
        Map<String, List<ProbeSample>> byProbe = new TreeMap<>();
        for (EvidenceCaptured batch : batches) {
            batch.getSamples().forEach(s -> byProbe.computeIfAbsent(s.getProbeId(), k -> new ArrayList<>()).add(s));
        }
        List<Series> series = new ArrayList<>();
        byProbe.forEach((probe, samples) -> {
            samples.sort(Comparator.comparing(ProbeSample::getAt));
            series.add(new Series(probe, samples.stream().map(s -> s.getAt().toEpochMilli()).toList(),
                    samples.stream().map(ProbeSample::getLatencyMillis).toList(),
                    samples.stream().map(ProbeSample::getOk).toList()));
        });
        return series;
    }
}
