package dev.faultline.hypothesis.lint;

import dev.faultline.schemas.avro.ComparisonOperator;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.LintRule;
import dev.faultline.schemas.avro.MeasureUnit;
import dev.faultline.schemas.avro.Prediction;
import dev.faultline.schemas.avro.ProbeSpec;
import dev.faultline.schemas.avro.Statistic;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every hypothesis needs at least one prediction that can be measured: a known probe, a statistic, a comparator,
 * a finite threshold (a ratio within 0..1), the status or header the statistic is about, and at least one sample.
 */
public final class PredictionRule implements HypothesisRule {

    @Override
    public List<Finding> check(Hypothesis h) {
        List<Finding> findings = new ArrayList<>();
        if (h.getPredictions().isEmpty()) {
            findings.add(Finding.of(LintRule.NO_MEASURABLE_PREDICTION, "predictions",
                    "the hypothesis predicts nothing measurable: add at least one prediction on a probe"));
            return findings;
        }
        Set<String> probes = h.getProbes().stream().map(ProbeSpec::getProbeId).collect(Collectors.toSet());
        for (Prediction p : h.getPredictions()) {
            check(p, probes, findings);
        }
        return findings;
    }

    private static void check(Prediction p, Set<String> probes, List<Finding> findings) {
        String path = "predictions[" + p.getPredictionId() + "]";
        if (!probes.contains(p.getProbeId())) {
            findings.add(Finding.of(LintRule.UNKNOWN_PROBE, path + ".probeId",
                    "prediction uses probe '" + p.getProbeId() + "' which is not defined; use one of " + probes));
        }
        if (p.getStatistic() == Statistic.UNKNOWN) {
            findings.add(unmeasurable(path + ".statistic", "name the statistic to measure (e.g. SUCCESS_RATE, P99_LATENCY)"));
        }
        if (p.getComparator() == ComparisonOperator.UNKNOWN) {
            findings.add(unmeasurable(path + ".comparator", "name how to compare the observed value with the threshold"));
        }
        if (!Double.isFinite(p.getThreshold())) {
            findings.add(unmeasurable(path + ".threshold", "the threshold must be a finite number, was " + p.getThreshold()));
        } else if (p.getUnit() == MeasureUnit.RATIO && (p.getThreshold() < 0 || p.getThreshold() > 1)) {
            findings.add(Finding.of(LintRule.INVALID_PARAMETER, path + ".threshold",
                    "a ratio threshold must be within 0..1, was " + p.getThreshold()));
        }
        if (p.getStatistic() == Statistic.STATUS_SHARE && p.getStatus() == null) {
            findings.add(unmeasurable(path + ".status", "STATUS_SHARE needs the HTTP status it counts"));
        }
        if (p.getStatistic() == Statistic.HEADER_PRESENT_SHARE && (p.getHeader() == null || p.getHeader().isBlank())) {
            findings.add(unmeasurable(path + ".header", "HEADER_PRESENT_SHARE needs the header it looks for"));
        }
        if (p.getWindow().getMinSamples() < 1) {
            findings.add(unmeasurable(path + ".window.minSamples",
                    "require at least 1 sample (was " + p.getWindow().getMinSamples() + ") so that the verdict rests on evidence"));
        }
        if (p.getWindow().getPhase() == ExperimentPhase.UNKNOWN) {
            findings.add(unmeasurable(path + ".window.phase", "name the phase (BEFORE, DURING, AFTER) the prediction is about"));
        }
    }

    private static Finding unmeasurable(String path, String message) {
        return Finding.of(LintRule.NO_MEASURABLE_PREDICTION, path, message);
    }
}
