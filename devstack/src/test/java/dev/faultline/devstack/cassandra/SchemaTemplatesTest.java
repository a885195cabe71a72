package dev.faultline.devstack.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaTemplatesTest {

    @TempDir
    Path tmp;

    @Test
    void anyChangedClassOrJarOrServiceSetAsksForAnotherTemplate() throws IOException {
        Path classes = Files.createDirectories(tmp.resolve("classes/dev/x"));
        Path store = Files.writeString(classes.resolve("Store.class"), "CREATE TABLE a (k int PRIMARY KEY)");
        Path jar = Files.writeString(tmp.resolve("kit.jar"), "jar");
        List<String> code = List.of(tmp.resolve("classes") + ":" + jar);
        String before = SchemaTemplates.fingerprint(code, "hypothesis-service");

        assertThat(SchemaTemplates.fingerprint(code, "hypothesis-service")).as("the same code").isEqualTo(before);
        assertThat(SchemaTemplates.fingerprint(code, "hypothesis-service,safety-service")).isNotEqualTo(before);

        Files.writeString(store, "CREATE TABLE a (k int PRIMARY KEY, v text)");
        String changedClass = SchemaTemplates.fingerprint(code, "hypothesis-service");
        assertThat(changedClass).as("a class rebuilt with another table").isNotEqualTo(before);

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(SchemaTemplates.fingerprint(code, "hypothesis-service")).as("a jar rebuilt").isNotEqualTo(changedClass);
    }

    @Test
    void keepsOnlyTheSchemaTablesFilesAndSeedsAFreshNodeWithThem() throws IOException {
        Path node = tmp.resolve("node");
        Path tables = Files.createDirectories(node.resolve("data/system_schema/tables-afddfb9d"));
        Files.writeString(tables.resolve("nb-1-big-Data.db"), "schema rows");
        Files.createDirectories(tables.resolve("snapshots/before-drop"));
        Files.writeString(tables.resolve("snapshots/before-drop/nb-0-big-Data.db"), "old");
        Files.createDirectories(node.resolve("data/faultline_safety/approvals-1234"));
        Files.writeString(node.resolve("data/faultline_safety/approvals-1234/nb-1-big-Data.db"), "a user's rows");
        SchemaTemplates.Template template = new SchemaTemplates(Optional.of(tmp.resolve("cache")))
                .forKey("k1");

        assertThat(template.seed(tmp.resolve("fresh"))).as("nothing kept yet").isFalse();
        template.record(node);

        assertThat(template.exists()).isTrue();
        Path fresh = tmp.resolve("fresh");
        assertThat(template.seed(fresh)).isTrue();
        assertThat(fresh.resolve("data/system_schema/tables-afddfb9d/nb-1-big-Data.db")).hasContent("schema rows");
        assertThat(fresh.resolve("data/system_schema/tables-afddfb9d/snapshots")).doesNotExist();
        assertThat(fresh.resolve("data/faultline_safety")).as("no table's rows").doesNotExist();
        assertThat(tmp.resolve("cache")).isDirectoryNotContaining(p -> p.getFileName().toString().contains(".partial"));
    }

    @Test
    void anExistingTemplateIsNotOverwrittenAndOnlyTheNewestAreKept() throws IOException {
        SchemaTemplates templates = new SchemaTemplates(Optional.of(tmp.resolve("cache")));
        for (int i = 0; i < SchemaTemplates.KEPT + 2; i++) {
            Path node = tmp.resolve("node" + i);
            Files.createDirectories(node.resolve("data/system_schema/keyspaces-abac5682"));
            Files.writeString(node.resolve("data/system_schema/keyspaces-abac5682/nb-1-big-Data.db"), "v" + i);
            SchemaTemplates.Template template = templates.forKey("k" + i);
            template.record(node);
            Files.setLastModifiedTime(template.dir(), FileTime.from(Instant.now().minusSeconds(100 - i)));
        }
        Path again = tmp.resolve("again");
        Files.createDirectories(again.resolve("data/system_schema/keyspaces-abac5682"));
        Files.writeString(again.resolve("data/system_schema/keyspaces-abac5682/nb-1-big-Data.db"), "other");
        SchemaTemplates.Template newest = templates.forKey("k" + (SchemaTemplates.KEPT + 1));
        newest.record(again);

        assertThat(newest.dir().resolve("system_schema/keyspaces-abac5682/nb-1-big-Data.db")).hasContent("v" + (SchemaTemplates.KEPT + 1));
        try (var kept = Files.list(tmp.resolve("cache"))) {
            assertThat(kept.map(p -> p.getFileName().toString()).toList())
                    .containsExactlyInAnyOrder("k2", "k3", "k4", "k5");
        }
    }

    @Test
    void offMeansNoTemplate() {
        assertThat(new SchemaTemplates(Optional.empty()).forCode(List.of("/nowhere"), "all")).isEmpty();
    }
}
