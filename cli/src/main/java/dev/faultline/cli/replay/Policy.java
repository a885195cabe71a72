package dev.faultline.cli.replay;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.faultline.declarations.yaml.Durations;
import dev.faultline.schemas.avro.ComparisonOperator;
import dev.faultline.schemas.avro.Guardrail;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.MeasureUnit;
import dev.faultline.schemas.avro.Prediction;
import dev.faultline.schemas.avro.Statistic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What-if thresholds and guardrails for {@code faultline replay --policy FILE} (YAML): a past experiment is judged
 * again as if its hypothesis had said this, and nothing is written anywhere.
 * <pre>
 * thresholds:                  # a prediction's id beats its statistic
 *   - prediction: reads-p99
 *     threshold: 600
 *   - statistic: P99_LATENCY    # every prediction on this statistic
 *     threshold: 1000
 * guardrails:                  # replaces the hypothesis's guardrail of the same id, else is added
 *   - id: reads-slow
 *     probe: product-reads
 *     statistic: P99_LATENCY
 *     comparator: GREATER_THAN
 *     threshold: 1000
 *     unit: MILLISECONDS
 *     window: 3s
 *     sustain: 1s
 * </pre>
 */
record Policy(List<ThresholdRule> thresholds, List<GuardrailRule> guardrails) {

    /** A new threshold (and, if given, comparator) for one prediction id or for every prediction of a statistic. */
    record ThresholdRule(String prediction, Statistic statistic, ComparisonOperator comparator, Double threshold) {
    }

    /** A guardrail to walk the recorded evidence with, as the injector would have. */
    record GuardrailRule(String id, String probe, Statistic statistic, Integer status, String header,
                         ComparisonOperator comparator, Double threshold, MeasureUnit unit, String window,
                         String sustain) {
    }

    Policy {
        thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
        guardrails = guardrails == null ? List.of() : List.copyOf(guardrails);
    }

    static Policy read(Path file) {
        ObjectMapper yaml = JsonMapper.builder(new YAMLFactory()).enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        Policy policy;
        try {
            policy = yaml.readValue(file.toFile(), Policy.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("--policy " + file + " is not a policy file: " + e.getMessage());
        }
        if (policy == null) {
            throw new IllegalArgumentException("--policy " + file + " is empty: give thresholds and/or guardrails");
        }
        policy.check(file);
        return policy;
    }

    private void check(Path file) {
        for (ThresholdRule rule : thresholds) {
            if ((rule.prediction() == null) == (rule.statistic() == null) || rule.threshold() == null) {
                throw new IllegalArgumentException("--policy " + file + ": each threshold names a prediction or a "
                        + "statistic (one of them) and gives a threshold, was " + rule);
            }
        }
        for (GuardrailRule rule : guardrails) {
            if (rule.id() == null || rule.probe() == null || rule.statistic() == null || rule.comparator() == null
                    || rule.threshold() == null || rule.window() == null) {
                throw new IllegalArgumentException("--policy " + file + ": a guardrail needs id, probe, statistic, "
                        + "comparator, threshold and window (sustain defaults to 0s), was " + rule);
            }
            millis(rule.window(), file, rule.id() + ".window");
            millis(rule.sustain() == null ? "0s" : rule.sustain(), file, rule.id() + ".sustain");
        }
    }

    private static long millis(String text, Path file, String where) {
        return Durations.millis(text).orElseThrow(() -> new IllegalArgumentException("--policy " + file + ": "
                + where + " must be a duration such as 500ms, 3s or 1m, was '" + text + "'"));
    }

    /** The hypothesis with this policy's thresholds (a copy; the recorded one is left alone). */
    Hypothesis apply(Hypothesis recorded) {
        Hypothesis changed = Hypothesis.newBuilder(recorded).build();
        List<Prediction> predictions = new ArrayList<>();
        for (Prediction prediction : changed.getPredictions()) {
            Prediction copy = Prediction.newBuilder(prediction).build();
            rule(prediction).ifPresent(rule -> {
                copy.setThreshold(rule.threshold());
                if (rule.comparator() != null) {
                    copy.setComparator(rule.comparator());
                }
            });
            predictions.add(copy);
        }
        changed.setPredictions(predictions);
        return changed;
    }

    private Optional<ThresholdRule> rule(Prediction prediction) {
        return thresholds.stream().filter(r -> prediction.getPredictionId().equals(r.prediction())).findFirst()
                .or(() -> thresholds.stream().filter(r -> r.statistic() == prediction.getStatistic()).findFirst());
    }

    /** The policy's guardrails as the Avro guardrails a hypothesis carries. */
    List<Guardrail> guardrailsAsRecorded() {
        return guardrails.stream().map(rule -> Guardrail.newBuilder().setGuardrailId(rule.id())
                .setDescription("policy guardrail " + rule.id()).setProbeId(rule.probe()).setStatistic(rule.statistic())
                .setStatus(rule.status()).setHeader(rule.header()).setComparator(rule.comparator())
                .setThreshold(rule.threshold()).setUnit(rule.unit() == null ? MeasureUnit.UNKNOWN : rule.unit())
                .setEvaluationWindowMillis(Durations.millis(rule.window()).orElseThrow())
                .setSustainMillis(Durations.millis(rule.sustain() == null ? "0s" : rule.sustain()).orElseThrow())
                .build()).toList();
    }
}
