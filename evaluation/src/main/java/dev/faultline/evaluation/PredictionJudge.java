package dev.faultline.evaluation;

import dev.faultline.schemas.measure.Comparison;
import dev.faultline.schemas.measure.Measure;
import dev.faultline.schemas.measure.SampleView;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.Prediction;
import dev.faultline.schemas.avro.PredictionOutcome;
import dev.faultline.schemas.avro.PredictionResult;
import dev.faultline.schemas.avro.PredictionWindow;
import dev.faultline.schemas.avro.ProbeSample;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Judges one prediction: selects its probe's samples in its window (the phase, after skipFirstMillis from the
 * phase start, for lengthMillis or to the phase end; only samples answered before the phase ended), computes the
 * statistic and compares it with the threshold through service-kit's {@link Measure} and {@link Comparison} (the
 * code guardrails use). Fewer samples than the window's minSamples, no value, or an unknown comparator make it
 * inconclusive; the observed value is kept.
 */
public final class PredictionJudge {

    private PredictionJudge() {
    }

    public static PredictionResult judge(Prediction prediction, Timeline timeline) {
        PredictionWindow window = prediction.getWindow();
        Long phaseStart = timeline.start(window.getPhase());
        List<ProbeSample> samples = List.of();
        Long windowMillis = null;
        if (phaseStart != null) {
            long from = phaseStart + window.getSkipFirstMillis();
            Long length = window.getLengthMillis();
            long to = length == null ? Long.MAX_VALUE : from + length;
            Long phaseEnd = timeline.end(window.getPhase());
            // A sample whose answer came after the phase ended (e.g. an order in flight when the fault was
            // removed) tells how the system recovered, not how it behaved during the phase: it is left out.
            long answeredBy = window.getPhase() == ExperimentPhase.DURING && timeline.faultRemoved() != null
                    ? timeline.faultRemoved() : Long.MAX_VALUE;
            samples = timeline.observations().stream()
                    .filter(o -> o.phase() == window.getPhase())
                    .filter(o -> o.sample().getProbeId().equals(prediction.getProbeId()))
                    .filter(o -> o.at() >= from && o.at() < to)
                    .filter(o -> o.at() + (long) Math.ceil(o.sample().getLatencyMillis()) <= answeredBy)
                    .map(Observation::sample).toList();
            windowMillis = length != null ? length : phaseEnd == null ? null : phaseEnd - from;
        }
        OptionalDouble value = new Measure(prediction.getStatistic(), prediction.getStatus(), prediction.getHeader())
                .over(samples.stream().map(SampleView::of).toList(), windowMillis);
        Double observed = value.isPresent() ? value.getAsDouble() : null;
        PredictionOutcome outcome = outcome(prediction, observed, samples.size());
        return PredictionResult.newBuilder()
                .setPredictionId(prediction.getPredictionId())
                .setStatistic(prediction.getStatistic())
                .setComparator(prediction.getComparator())
                .setThreshold(prediction.getThreshold())
                .setUnit(prediction.getUnit())
                .setObserved(observed)
                .setSampleCount(samples.size())
                .setRequiredSamples(window.getMinSamples())
                .setOutcome(outcome)
                .setExplanation(explain(prediction, observed, samples.size(), outcome) + problem(observed, samples))
                .build();
    }

    private static PredictionOutcome outcome(Prediction prediction, Double observed, int sampleCount) {
        if (observed == null || sampleCount < prediction.getWindow().getMinSamples()
                || !Comparison.decides(prediction.getComparator())) {
            return PredictionOutcome.INCONCLUSIVE;
        }
        return Comparison.holds(prediction.getComparator(), observed, prediction.getThreshold())
                ? PredictionOutcome.HELD : PredictionOutcome.NOT_HELD;
    }

    /** Why nothing could be measured, as the probe said it (an absent metric, an unreadable log), else nothing. */
    private static String problem(Double observed, List<ProbeSample> samples) {
        if (observed != null) {
            return "";
        }
        for (int i = samples.size() - 1; i >= 0; i--) {
            if (samples.get(i).getError() != null) {
                return "; the probe reported: " + samples.get(i).getError();
            }
        }
        return "";
    }

    /** "p99 of product-reads was 1203 ms, threshold < 800 ms: not held (142 samples)" */
    static String explain(Prediction prediction, Double observed, int sampleCount, PredictionOutcome outcome) {
        String threshold = "threshold " + Wording.symbol(prediction.getComparator()) + " "
                + Wording.quantity(prediction.getThreshold(), prediction.getUnit());
        String what = Wording.statistic(prediction) + " of " + prediction.getProbeId();
        String samples = Wording.plural(sampleCount, "sample");
        int required = prediction.getWindow().getMinSamples();
        if (observed == null) {
            return "no " + what + " could be computed from " + samples + " in the "
                    + prediction.getWindow().getPhase() + " window, " + threshold + ": inconclusive ("
                    + required + " samples required)";
        }
        String sentence = what + " was " + Wording.quantity(observed, prediction.getUnit()) + ", " + threshold + ": ";
        return switch (outcome) {
            case HELD -> sentence + "held (" + samples + ")";
            case NOT_HELD -> sentence + "not held (" + samples + ")";
            default -> sampleCount < required
                    ? sentence + "inconclusive, " + samples + " of the " + required + " required"
                    : sentence + "inconclusive, comparator " + prediction.getComparator() + " is unknown";
        };
    }
}
