package dev.faultline.analysis.verdict;

import dev.faultline.evaluation.Verdict;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Compares two verdicts field by field (every field of VerdictIssued but the header) and names those that differ. */
public final class VerdictDiff {

    private VerdictDiff() {
    }

    public static List<String> between(Verdict issued, Verdict recomputed) {
        List<String> differences = new ArrayList<>();
        for (RecordComponent field : Verdict.class.getRecordComponents()) {
            Object a = value(field, issued);
            Object b = value(field, recomputed);
            if (!Objects.equals(a, b)) {
                differences.add(field.getName());
            }
        }
        return differences;
    }

    private static Object value(RecordComponent field, Verdict verdict) {
        try {
            return field.getAccessor().invoke(verdict);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + field.getName(), e);
        }
    }
}
