package dev.faultline.evaluation;

import dev.faultline.evaluation.stats.ConfidenceLevel;
import dev.faultline.evaluation.stats.Decision;
import dev.faultline.evaluation.stats.Estimate;
import dev.faultline.evaluation.stats.Estimates;
import dev.faultline.evaluation.stats.Interval;
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

/**
 * Judges one prediction: selects its probe's samples in its window (the phase, after skipFirstMillis from the
 * phase start, for lengthMillis or to the phase end; only samples answered before the phase ended), estimates the
 * statistic with its confidence interval ({@link Estimates}: the value is service-kit's {@link Measure}, the code
 * guardrails use) and decides on the interval ({@link Decision}): HELD or NOT_HELD only when the whole interval is
 * on one side of the threshold. Fewer samples than the window's minSamples, no value, an unknown comparator or an
 * interval that straddles the threshold make it inconclusive, with the samples that would decide it when they can be
 * told; the observed value is kept. A DURING prediction is compared with its control (the probe's BEFORE and AFTER
 * samples, {@link Control}).
 */
public final class PredictionJudge {

    private PredictionJudge() {
    }

    /** {@link #judge(Prediction, Timeline, double)} at the default level, 95 %. */
    public static PredictionResult judge(Prediction prediction, Timeline timeline) {
        return judge(prediction, timeline, ConfidenceLevel.DEFAULT);
    }

    /** @param level the confidence level of the interval, in [0.5, 0.999]; recorded in the result */
    public static PredictionResult judge(Prediction prediction, Timeline timeline, double level) {
        ConfidenceLevel.check(level, "the confidence level");
        PredictionWindow window = prediction.getWindow();
        Long phaseStart = timeline.start(window.getPhase());
        List<Observation> selected = List.of();
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
            selected = timeline.observations().stream()
                    .filter(o -> o.phase() == window.getPhase())
                    .filter(o -> o.sample().getProbeId().equals(prediction.getProbeId()))
                    .filter(o -> o.at() >= from && o.at() < to)
                    .filter(o -> o.at() + (long) Math.ceil(o.sample().getLatencyMillis()) <= answeredBy)
                    .toList();
            windowMillis = length != null ? length : phaseEnd == null ? null : phaseEnd - from;
        }
        Measure measure = new Measure(prediction.getStatistic(), prediction.getStatus(), prediction.getHeader());
        List<ProbeSample> samples = selected.stream().map(Observation::sample).toList();
        List<SampleView> views = selected.stream().map(Observation::view).toList();
        Estimate estimate = Estimates.of(measure, views, windowMillis, level).orElse(null);
        Judged judged = decide(prediction, estimate, samples.size());
        Interval interval = estimate == null ? null : estimate.interval();
        return PredictionResult.newBuilder()
                .setPredictionId(prediction.getPredictionId())
                .setStatistic(prediction.getStatistic())
                .setComparator(prediction.getComparator())
                .setThreshold(prediction.getThreshold())
                .setUnit(prediction.getUnit())
                .setObserved(estimate == null ? null : estimate.value())
                .setSampleCount(samples.size())
                .setRequiredSamples(window.getMinSamples())
                .setOutcome(judged.outcome())
                .setExplanation(explain(prediction, estimate, samples.size(), judged) + problem(estimate, samples))
                .setConfidenceLevel(level)
                .setLower(interval == null ? null : interval.lowerOrNull())
                .setUpper(interval == null ? null : interval.upperOrNull())
                .setIntervalMethod(interval == null ? null : interval.method().label())
                .setSamplesNeeded(judged.samplesNeeded())
                .setControl(window.getPhase() == ExperimentPhase.DURING
                        ? Control.compare(measure, controlSamples(prediction, timeline), views) : null)
                .build();
    }

    /** The outcome, and for an inconclusive one the samples that would decide it (null when none can be told). */
    private record Judged(PredictionOutcome outcome, Long samplesNeeded) {
    }

    private static Judged decide(Prediction prediction, Estimate estimate, int sampleCount) {
        int required = prediction.getWindow().getMinSamples();
        if (estimate == null || !Comparison.decides(prediction.getComparator())) {
            return new Judged(PredictionOutcome.INCONCLUSIVE, sampleCount < required ? (long) required : null);
        }
        PredictionOutcome onInterval = estimate.decide(prediction.getComparator(), prediction.getThreshold());
        Long needed = onInterval == PredictionOutcome.INCONCLUSIVE
                ? estimate.samplesToDecide(prediction.getComparator(), prediction.getThreshold()) : null;
        if (sampleCount < required) {
            return new Judged(PredictionOutcome.INCONCLUSIVE, needed == null ? (long) required : Math.max(needed, required));
        }
        return new Judged(onInterval, needed);
    }

    /** The BEFORE and AFTER samples of the prediction's probe: the system without the fault. */
    private static List<SampleView> controlSamples(Prediction prediction, Timeline timeline) {
        return timeline.observations().stream()
                .filter(o -> o.phase() == ExperimentPhase.BEFORE || o.phase() == ExperimentPhase.AFTER)
                .filter(o -> o.sample().getProbeId().equals(prediction.getProbeId()))
                .map(Observation::view).toList();
    }

    /** Why nothing could be measured, as the probe said it (an absent metric, an unreadable log), else nothing. */
    private static String problem(Estimate estimate, List<ProbeSample> samples) {
        if (estimate != null) {
            return "";
        }
        for (int i = samples.size() - 1; i >= 0; i--) {
            if (samples.get(i).getError() != null) {
                return "; the probe reported: " + samples.get(i).getError();
            }
        }
        return "";
    }

    /** "p99 of product-reads was 1203 ms (95 % CI 1190–1215 ms, 142 samples), threshold < 800 ms: not held" */
    static String explain(Prediction prediction, Estimate estimate, int sampleCount, Judged judged) {
        String threshold = "threshold " + Wording.symbol(prediction.getComparator()) + " "
                + Wording.quantity(prediction.getThreshold(), prediction.getUnit());
        String what = Wording.statistic(prediction) + " of " + prediction.getProbeId();
        String samples = Wording.plural(sampleCount, "sample");
        int required = prediction.getWindow().getMinSamples();
        if (estimate == null) {
            return "no " + what + " could be computed from " + samples + " in the "
                    + prediction.getWindow().getPhase() + " window, " + threshold + ": inconclusive ("
                    + required + " samples required)";
        }
        String sentence = what + " was " + Wording.quantity(estimate.value(), prediction.getUnit()) + " ("
                + Wording.interval(estimate.interval(), prediction.getUnit()) + ", " + samples + "), " + threshold + ": ";
        String needed = judged.samplesNeeded() == null ? "" : "; about " + judged.samplesNeeded() + " samples would decide it";
        return switch (judged.outcome()) {
            case HELD -> sentence + "held";
            case NOT_HELD -> sentence + "not held";
            default -> !Comparison.decides(prediction.getComparator())
                    ? sentence + "inconclusive, comparator " + prediction.getComparator() + " is unknown"
                    : sampleCount < required
                    ? sentence + "inconclusive, " + sampleCount + " of the " + required + " samples required"
                    + (judged.samplesNeeded() != null && judged.samplesNeeded() > required ? needed : "")
                    : sentence + "inconclusive, the interval straddles the threshold"
                    + (judged.samplesNeeded() == null ? " and more samples would not decide it" : needed);
        };
    }
}
