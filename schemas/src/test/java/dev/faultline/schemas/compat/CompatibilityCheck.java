package dev.faultline.schemas.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Checks today's schemas against a baseline with Avro's {@link SchemaCompatibility}: BACKWARD (today's reader
 * reads baseline data), FORWARD (the baseline's reader reads today's data), or FULL (both).
 */
public final class CompatibilityCheck {

    public enum Level { BACKWARD, FORWARD, FULL }

    private CompatibilityCheck() {
    }

    /** Every problem found, in words; empty when each baseline type is still compatible at {@code level}. */
    public static List<String> problems(Map<String, Schema> baseline, Map<String, Schema> current, Level level) {
        List<String> problems = new ArrayList<>();
        baseline.forEach((name, before) -> {
            Schema now = current.get(name);
            if (now == null) {
                problems.add(name + " was removed; published types must stay");
                return;
            }
            if (level != Level.FORWARD) {
                report(problems, name, "BACKWARD (new reader, old data)", SchemaCompatibility.checkReaderWriterCompatibility(now, before));
            }
            if (level != Level.BACKWARD) {
                report(problems, name, "FORWARD (old reader, new data)", SchemaCompatibility.checkReaderWriterCompatibility(before, now));
            }
        });
        return problems;
    }

    private static void report(List<String> problems, String name, String direction, SchemaPairCompatibility result) {
        if (result.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            result.getResult().getIncompatibilities().forEach(incompatibility -> problems.add(name + " is not " + direction
                    + " compatible: " + incompatibility.getType() + " " + incompatibility.getMessage() + " at "
                    + incompatibility.getLocation()));
        }
    }
}
