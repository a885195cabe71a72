package dev.faultline.devstack.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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
    void aRebuildOfTheSameCodeOrAnotherCloneOfItFindsTheSameTemplate() throws IOException {
        String before = SchemaTemplates.fingerprint(List.of(build(tmp.resolve("clone-a"), "CREATE TABLE a (k int)")),
                "all");

        assertThat(SchemaTemplates.fingerprint(List.of(build(tmp.resolve("clone-a"), "CREATE TABLE a (k int)")), "all"))
                .as("the same code built again, every file rewritten later").isEqualTo(before);
        assertThat(SchemaTemplates.fingerprint(List.of(build(tmp.resolve("clone-b"), "CREATE TABLE a (k int)")), "all"))
                .as("the same code in another clone").isEqualTo(before);
        assertThat(SchemaTemplates.fingerprint(List.of(build(tmp.resolve("clone-a"), "CREATE TABLE a (k text)")), "all"))
                .as("a class of a -SNAPSHOT jar changed").isNotEqualTo(before);
    }

    /** A module's build output as a classpath: its classes directory and a -SNAPSHOT jar of a store class. */
    private static String build(Path clone, String storeCql) throws IOException {
        Path classes = Files.createDirectories(clone.resolve("service/target/classes/dev/x"));
        Path service = Files.writeString(classes.resolve("Service.class"), "service");
        Path jar = Files.createDirectories(clone.resolve("kit/target")).resolve("kit-0.1.0-SNAPSHOT.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("dev/x/Store.class"));
            zip.write(storeCql.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        FileTime later = FileTime.from(Instant.now().plusSeconds(Files.exists(clone.resolve(".built")) ? 120 : 0));
        Files.setLastModifiedTime(jar, later);
        Files.setLastModifiedTime(service, later);
        Files.writeString(clone.resolve(".built"), "yes");
        return clone.resolve("service/target/classes") + ":" + jar;
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
