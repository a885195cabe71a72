package dev.faultline.devstack.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Applies a compatibility level with Avro's {@link SchemaCompatibility}: backward means the new
 * schema reads data written with the old one, forward the reverse. Returns Confluent-style
 * messages, empty when compatible.
 */
final class CompatibilityChecker {

    /**
     * @param previous the live previous versions with their parsed schemas, oldest first
     */
    List<String> check(CompatibilityLevel level, Schema candidate, List<Previous> previous) {
        if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
            return List.of();
        }
        List<Previous> against = new ArrayList<>(level.transitive() ? previous : previous.subList(previous.size() - 1, previous.size()));
        Collections.reverse(against);
        List<String> messages = new ArrayList<>();
        for (Previous old : against) {
            List<Incompatibility> problems = new ArrayList<>();
            if (level.backward()) {
                problems.addAll(incompatibilities(candidate, old.avro()));
            }
            if (level.forward()) {
                problems.addAll(incompatibilities(old.avro(), candidate));
            }
            if (!problems.isEmpty()) {
                problems.forEach(p -> messages.add("{errorType:'" + p.getType() + "', description:'" + p.getMessage()
                        + " at path '" + p.getLocation() + "'', additionalInfo:'" + p.getMessage() + "'}"));
                messages.add("{oldSchemaVersion: " + old.version() + "}");
                messages.add("{oldSchema: '" + old.avro() + "'}");
                messages.add("{compatibility: '" + level + "'}");
                break;
            }
        }
        return messages;
    }

    private static List<Incompatibility> incompatibilities(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult().getIncompatibilities();
    }

    /** A previous version of the subject. */
    record Previous(int version, Schema avro) {
    }
}
