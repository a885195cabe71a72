package dev.faultline.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each schema of {@code src/main/avro} against its baseline under {@code src/test/resources/avro-baseline} (the
 * last published version). When a schema changes compatibly, the baseline is left alone until the release
 * that publishes it; a new type gets a baseline copy in the same change.
 */
class SchemaCompatibilityTest {

    private static final Path CURRENT = Path.of("src/main/avro");
    private static final Path BASELINE = Path.of("src/test/resources/avro-baseline");
    private static final String HYPOTHESIS_DRAFTED = "dev.faultline.schemas.avro.HypothesisDrafted";

    @Test
    void shouldKeepEverySchemaFullyCompatibleWithItsBaseline() {
        Map<String, Schema> baseline = AvscDirectory.load(BASELINE);
        Map<String, Schema> current = AvscDirectory.load(CURRENT);

        assertThat(baseline).hasSizeGreaterThanOrEqualTo(60);
        assertThat(CompatibilityCheck.problems(baseline, current, CompatibilityCheck.Level.FULL)).isEmpty();
        assertThat(baseline.keySet()).as("every type has a baseline copy").containsAll(current.keySet());
    }

    @Test
    void shouldFailForANewFieldWithoutDefault(@TempDir Path changed) throws IOException {
        List<String> problems = checkAfterChanging(changed, HYPOTHESIS_DRAFTED, schema -> fields(schema).add(
                JsonNodeFactory.instance.objectNode().put("name", "owner").put("type", "string").put("doc", "x")));

        assertThat(problems).anySatisfy(problem -> assertThat(problem)
                .contains(HYPOTHESIS_DRAFTED, "BACKWARD", "READER_FIELD_MISSING_DEFAULT", "owner"));
    }

    @Test
    void shouldAcceptANewOptionalFieldWithDefaultNull(@TempDir Path changed) throws IOException {
        List<String> problems = checkAfterChanging(changed, HYPOTHESIS_DRAFTED, schema -> {
            ObjectNode field = fields(schema).addObject().put("name", "owner").put("doc", "x");
            field.putArray("type").add("null").add("string");
            field.putNull("default");
        });

        assertThat(problems).isEmpty();
    }

    @Test
    void shouldAcceptANewEnumSymbolBecauseOldReadersFallBackToUnknown(@TempDir Path changed) throws IOException {
        copyTree(CURRENT, changed);
        Path faultType = changed.resolve("enum/FaultType.avsc");
        ObjectNode schema = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(faultType.toFile());
        ((ArrayNode) schema.get("symbols")).add("DNS_FAILURE");
        Files.writeString(faultType, schema.toPrettyString());

        assertThat(CompatibilityCheck.problems(AvscDirectory.load(BASELINE), AvscDirectory.load(changed),
                CompatibilityCheck.Level.FULL)).isEmpty();
    }

    @Test
    void shouldFailForARemovedEnumSymbolOnceTheEnumHasNoDefault(@TempDir Path changed) throws IOException {
        copyTree(CURRENT, changed);
        Path stopReason = changed.resolve("enum/StopReason.avsc");
        ObjectNode schema = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(stopReason.toFile());
        schema.remove("default");
        ArrayNode symbols = (ArrayNode) schema.get("symbols");
        for (int i = 0; i < symbols.size(); i++) {
            if (symbols.get(i).asText().equals("FAILED")) {
                symbols.remove(i);
            }
        }
        Files.writeString(stopReason, schema.toPrettyString());

        assertThat(CompatibilityCheck.problems(AvscDirectory.load(BASELINE), AvscDirectory.load(changed),
                CompatibilityCheck.Level.BACKWARD)).anySatisfy(problem -> assertThat(problem)
                .contains("StopReason", "MISSING_ENUM_SYMBOLS", "FAILED"));
    }

    @Test
    void shouldFailForAChangedFieldType(@TempDir Path changed) throws IOException {
        List<String> problems = checkAfterChanging(changed, HYPOTHESIS_DRAFTED,
                schema -> ((ObjectNode) fields(schema).get(1)).put("type", "string")); // revision: int -> string

        assertThat(problems).anySatisfy(problem -> assertThat(problem).contains("BACKWARD", "TYPE_MISMATCH", "/fields/1/type"));
    }

    @Test
    void shouldFailForARemovedType(@TempDir Path changed) throws IOException {
        copyTree(CURRENT, changed);
        Files.delete(changed.resolve("event/HaltLifted.avsc"));

        assertThat(CompatibilityCheck.problems(AvscDirectory.load(BASELINE), AvscDirectory.load(changed),
                CompatibilityCheck.Level.BACKWARD)).containsExactly("dev.faultline.schemas.avro.HaltLifted was removed; "
                + "published types must stay");
    }

    private List<String> checkAfterChanging(Path dir, String type, Consumer<ObjectNode> change) throws IOException {
        copyTree(CURRENT, dir);
        ObjectNode schema = (ObjectNode) AvscDirectory.json(dir).get(type);
        change.accept(schema);
        Files.writeString(dir.resolve("event/" + schema.get("name").asText() + ".avsc"), schema.toPrettyString());
        return CompatibilityCheck.problems(AvscDirectory.load(BASELINE), AvscDirectory.load(dir), CompatibilityCheck.Level.FULL);
    }

    private static ArrayNode fields(ObjectNode schema) {
        return (ArrayNode) schema.get("fields");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
