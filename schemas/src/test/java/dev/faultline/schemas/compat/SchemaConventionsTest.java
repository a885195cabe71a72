package dev.faultline.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.schemas.topics.Topic;
import dev.faultline.schemas.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The contract's house rules, checked on the .avsc sources so that a new schema cannot quietly break them. */
class SchemaConventionsTest {

    private static final Path SOURCES = Path.of("src/main/avro");
    private static final String NAMESPACE = "dev.faultline.schemas.avro";
    private final Map<String, JsonNode> schemas = AvscDirectory.json(SOURCES);

    @Test
    void shouldDefineOneNamedTypeNamedAfterItsFile() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".avsc")).toList()) {
                JsonNode schema = schemas.get(NAMESPACE + "." + file.getFileName().toString().replace(".avsc", ""));
                assertThat(schema).as("%s defines the type it is named after", file).isNotNull();
                assertThat(schema.path("namespace").asText()).as("%s namespace", file).isEqualTo(NAMESPACE);
            }
        }
        assertThat(schemas).hasSize(81);
    }

    @Test
    void shouldDocumentEveryTypeAndField() {
        List<String> undocumented = new ArrayList<>();
        schemas.forEach((name, schema) -> {
            if (schema.path("doc").asText().isBlank()) {
                undocumented.add(name);
            }
            schema.path("fields").forEach(field -> {
                if (field.path("doc").asText().isBlank()) {
                    undocumented.add(name + "." + field.path("name").asText());
                }
            });
        });
        assertThat(undocumented).isEmpty();
    }

    @Test
    void shouldStartEveryEnumWithTheUnknownDefault() {
        schemas.values().stream().filter(s -> s.path("type").asText().equals("enum")).forEach(schema -> {
            assertThat(schema.path("symbols").get(0).asText()).as(schema.path("name").asText()).isEqualTo("UNKNOWN");
            assertThat(schema.path("default").asText()).as(schema.path("name").asText()).isEqualTo("UNKNOWN");
        });
    }

    @Test
    void shouldMakeOptionalFieldsNullFirstWithNullDefaultAndCollectionsEmptyByDefault() {
        List<String> violations = new ArrayList<>();
        schemas.forEach((name, schema) -> schema.path("fields").forEach(field -> {
            JsonNode type = field.path("type");
            String where = name + "." + field.path("name").asText();
            if (type.isArray() && (!type.get(0).asText().equals("null") || !field.has("default")
                    || !field.get("default").isNull())) {
                violations.add(where + " must be [\"null\", T] with default null");
            }
            String complex = type.path("type").asText();
            if (complex.equals("array") && !(field.path("default").isArray() && field.path("default").isEmpty())) {
                violations.add(where + " must default to []");
            }
            if (complex.equals("map") && !(field.path("default").isObject() && field.path("default").isEmpty())) {
                violations.add(where + " must default to {}");
            }
        }));
        assertThat(violations).isEmpty();
    }

    @Test
    void shouldHeadEveryEventWithTheHeaderAndWriteItToExactlyOneTopic() {
        List<String> events = schemas.entrySet().stream()
                .filter(e -> e.getValue().path("fields").findValuesAsText("type").contains("EventHeader"))
                .map(Map.Entry::getKey).toList();
        assertThat(events).hasSize(24);
        for (String event : events) {
            JsonNode first = schemas.get(event).path("fields").get(0);
            assertThat(first.path("name").asText() + ":" + first.path("type").asText()).as(event).isEqualTo("header:EventHeader");
            assertThat(Topics.all().stream().filter(t -> t.valueTypes().stream().anyMatch(c -> c.getName().equals(event))))
                    .as("topics carrying %s", event).hasSize(1);
        }
        assertThat(Topics.all().stream().mapToLong(topic -> topic.valueTypes().size()).sum()).isEqualTo(events.size());
    }

    @Test
    void shouldSpellEveryTopicOnceUnderTheFaultlinePrefix() {
        List<String> names = Topics.all().stream().map(Topic::name).toList();
        assertThat(names).doesNotHaveDuplicates().allMatch(name -> name.startsWith("faultline."));
        assertThat(Topics.all()).filteredOn(topic -> topic.definition().compacted())
                .extracting(Topic::name).containsExactlyInAnyOrder("faultline.catalog", "faultline.calendar", "faultline.targets",
                        "faultline.failure-modes");
        assertThat(Topics.byName("faultline.hypotheses")).contains(Topics.HYPOTHESES);
    }
}
