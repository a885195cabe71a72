package dev.faultline.safety.baseline;

import dev.faultline.evaluation.stats.ConfidenceLevel;
import dev.faultline.evaluation.stats.Estimate;
import dev.faultline.evaluation.stats.Estimates;
import dev.faultline.evaluation.stats.Interval;
import dev.faultline.schemas.measure.Measure;
import dev.faultline.schemas.measure.SampleView;
import dev.faultline.kit.probe.ProbeAnswer;
import dev.faultline.schemas.avro.Statistic;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What probing one endpoint a few times now showed, measured with service-kit's statistics (the ones guardrails and
 * verdicts use): an error is any answer that is not 2xx/3xx, or no answer; p95 is the nearest rank over all samples,
 * failed ones included.
 *
 * @param droppedHeaders request headers the HTTP client refused to send, with the reason for each
 */
public record ProbeMeasurement(String probeId, List<ProbeAnswer> answers, Map<String, String> droppedHeaders) {

    public ProbeMeasurement {
        answers = List.copyOf(answers);
        droppedHeaders = Map.copyOf(droppedHeaders);
    }

    public int samples() {
        return answers.size();
    }

    /** The share of failed samples; 1 when there are none (nothing shows the target healthy). */
    public double errorRate() {
        return measure(Statistic.ERROR_RATE).orElse(1.0);
    }

    /**
     * The 95 % Wilson interval of {@link #errorRate()}, from the verdicts' statistics; [0, 1] without samples
     * (nothing is known).
     */
    public Interval errorRateInterval() {
        return Estimates.of(Measure.of(Statistic.ERROR_RATE), views(), null, ConfidenceLevel.DEFAULT)
                .map(Estimate::interval)
                .orElse(new Interval(0, 1, ConfidenceLevel.DEFAULT, Interval.Method.WILSON));
    }

    /** The 95th percentile latency in milliseconds; 0 when there are no samples. */
    public double p95Millis() {
        return measure(Statistic.P95_LATENCY).orElse(0);
    }

    /** No sample got an HTTP answer. */
    public boolean isUnreachable() {
        return answers.stream().noneMatch(ProbeAnswer::hasAnswer);
    }

    /** The last failure in words, or null. */
    public String lastProblem() {
        for (int i = answers.size() - 1; i >= 0; i--) {
            if (answers.get(i).problem() != null) {
                return answers.get(i).problem();
            }
        }
        return null;
    }

    private OptionalDouble measure(Statistic statistic) {
        return Measure.of(statistic).over(views(), null);
    }

    private List<SampleView> views() {
        return answers.stream().map(ProbeAnswer::view).toList();
    }
}
