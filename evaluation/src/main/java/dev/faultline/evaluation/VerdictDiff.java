package dev.faultline.evaluation;

import dev.faultline.schemas.avro.PredictionResult;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;

/**
 * Compares two verdicts field by field (every field of VerdictIssued but the header) and names those that differ:
 * analysis-service's recompute and the auditor's replay both report with it.
 */
public final class VerdictDiff {

    /**
     * One field that differs, with both values; a prediction result's field is named {@code results[<id>].<field>}.
     */
    public record Difference(String field, Object recorded, Object recomputed) {
    }

    private VerdictDiff() {
    }

    /** The names of the verdict's fields that differ. */
    public static List<String> between(Verdict issued, Verdict recomputed) {
        List<String> differences = new ArrayList<>();
        for (RecordComponent field : Verdict.class.getRecordComponents()) {
            if (!Objects.equals(value(field, issued), value(field, recomputed))) {
                differences.add(field.getName());
            }
        }
        return differences;
    }

    /**
     * Every difference with both values, down to the field of a prediction's result when the results differ
     * (matched by prediction id), so that a report says which prediction changed and how.
     */
    public static List<Difference> differences(Verdict recorded, Verdict recomputed) {
        List<Difference> differences = new ArrayList<>();
        for (String name : between(recorded, recomputed)) {
            if (name.equals("results")) {
                differences.addAll(results(recorded.results(), recomputed.results()));
            } else {
                RecordComponent field = component(name);
                differences.add(new Difference(name, value(field, recorded), value(field, recomputed)));
            }
        }
        return differences;
    }

    private static List<Difference> results(List<PredictionResult> recorded, List<PredictionResult> recomputed) {
        List<Difference> differences = new ArrayList<>();
        List<String> recordedIds = recorded.stream().map(PredictionResult::getPredictionId).toList();
        List<String> recomputedIds = recomputed.stream().map(PredictionResult::getPredictionId).toList();
        if (!recordedIds.equals(recomputedIds)) {
            differences.add(new Difference("results.predictionIds", recordedIds, recomputedIds));
            return differences;
        }
        for (int i = 0; i < recorded.size(); i++) {
            PredictionResult a = recorded.get(i);
            PredictionResult b = recomputed.get(i);
            for (Schema.Field field : PredictionResult.getClassSchema().getFields()) {
                if (!Objects.equals(a.get(field.pos()), b.get(field.pos()))) {
                    differences.add(new Difference("results[" + a.getPredictionId() + "]." + field.name(),
                            a.get(field.pos()), b.get(field.pos())));
                }
            }
        }
        return differences;
    }

    private static RecordComponent component(String name) {
        for (RecordComponent field : Verdict.class.getRecordComponents()) {
            if (field.getName().equals(name)) {
                return field;
            }
        }
        throw new IllegalArgumentException("no verdict field " + name);
    }

    private static Object value(RecordComponent field, Verdict verdict) {
        try {
            return field.getAccessor().invoke(verdict);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + field.getName(), e);
        }
    }
}
