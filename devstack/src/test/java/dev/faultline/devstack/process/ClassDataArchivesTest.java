package dev.faultline.devstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchivesTest {

    @TempDir
    Path dir;

    @Test
    void shouldPutTheReleaseJarsFirstInTheirOrderAndRecordWhileTheirArchiveIsMissing() throws IOException {
        String kafka = jar("kafka-clients-4.4.0.jar");
        String ours = jar("faultline-devstack-0.1.0-SNAPSHOT.jar");
        String classes = Files.createDirectories(dir.resolve("classes")).toString();
        String slf4j = jar("slf4j-api-2.0.17.jar");
        ClassDataArchives archives = new ClassDataArchives(Optional.of(dir.resolve("cds")), Duration.ZERO);

        ClassDataArchives.Plan plan = archives.plan("services-2", String.join(File.pathSeparator, classes, kafka, ours, slf4j, kafka));

        assertThat(plan.classpath()).isEqualTo(String.join(File.pathSeparator, kafka, slf4j, classes, ours));
        ClassDataArchives.Recording recording = plan.recording().orElseThrow();
        assertThat(recording.kind()).isEqualTo("services");
        assertThat(recording.stableClasspath()).isEqualTo(kafka + File.pathSeparator + slf4j);
        assertThat(plan.flags()).containsExactly("-XX:DumpLoadedClassList=" + recording.classList());
        assertThat(recording.classList().getParent()).isEqualTo(dir.resolve("cds"));
    }

    @Test
    void shouldMapAnArchiveOnceThereIsOneForTheseJarsAndRecordAgainWhenAJarChanges() throws IOException {
        String kafka = jar("kafka-clients-4.4.0.jar");
        ClassDataArchives archives = new ClassDataArchives(Optional.of(dir.resolve("cds")), Duration.ZERO);
        Path archive = archives.plan("Kafka", kafka).recording().orElseThrow().archive();
        Files.write(archive, new byte[] {1});

        ClassDataArchives.Plan mapped = archives.plan("kafka", kafka);

        assertThat(mapped.recording()).isEmpty();
        assertThat(mapped.flags()).startsWith("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");

        Files.setLastModifiedTime(Path.of(kafka), FileTime.fromMillis(Files.getLastModifiedTime(Path.of(kafka)).toMillis() + 60_000));
        ClassDataArchives.Plan rebuilt = archives.plan("kafka", kafka);
        assertThat(rebuilt.recording()).as("another jar, another archive").isPresent();
        assertThat(rebuilt.recording().get().archive()).isNotEqualTo(archive);
    }

    @Test
    void shouldLeaveAClasspathWithNoReleaseJarAloneAndEverythingAsGivenWhenOff() throws IOException {
        String classes = Files.createDirectories(dir.resolve("classes")).toString();
        String ours = jar("faultline-agent-0.1.0-SNAPSHOT-all.jar");
        String kafka = jar("kafka-clients-4.4.0.jar");
        ClassDataArchives on = new ClassDataArchives(Optional.of(dir.resolve("cds")), Duration.ZERO);
        ClassDataArchives off = new ClassDataArchives(Optional.empty(), Duration.ZERO);

        assertThat(on.plan("agent", classes + File.pathSeparator + ours))
                .isEqualTo(new ClassDataArchives.Plan(classes + File.pathSeparator + ours, List.of(), Optional.empty()));
        String given = String.join(File.pathSeparator, classes, ours, kafka);
        assertThat(off.plan("services", given)).isEqualTo(new ClassDataArchives.Plan(given, List.of(), Optional.empty()));
    }

    @Test
    void shouldKeepNothingFromARecordingCutShort() throws IOException {
        String kafka = jar("kafka-clients-4.4.0.jar");
        ClassDataArchives archives = new ClassDataArchives(Optional.of(dir.resolve("cds")), Duration.ofMinutes(5));
        ClassDataArchives.Recording recording = archives.plan("kafka", kafka).recording().orElseThrow();
        Files.writeString(recording.classList(), "java/lang/Object\n");

        archives.record(recording);

        assertThat(archives.writing()).isEmpty();
        assertThat(recording.classList()).doesNotExist();
        assertThat(recording.archive()).doesNotExist();
    }

    @Test
    void shouldTakeOnlyReleaseJarsThatNoBuildWrites() throws IOException {
        assertThat(ClassDataArchives.isStable(jar("kafka-clients-4.4.0.jar"))).isTrue();
        assertThat(ClassDataArchives.isStable(jar("faultline-devstack-0.1.0-SNAPSHOT.jar"))).isFalse();
        Path built = Files.createDirectories(dir.resolve("agent/target")).resolve("faultline-agent.jar");
        Files.write(built, new byte[] {'P', 'K'});
        assertThat(ClassDataArchives.isStable(built.toString())).as("a build's output, whatever its name").isFalse();
        assertThat(ClassDataArchives.isStable(dir.resolve("m2/missing-1.0.jar").toString())).isFalse();
    }

    @Test
    void shouldNameWhatAClassDirectoryWouldNoLongerProvideFirstOnceTheReleaseJarsComeFirst() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(classes.resolve("logback.xml"), "<configuration/>");
        Files.createDirectories(classes.resolve("META-INF/micronaut"));
        Files.writeString(classes.resolve("META-INF/micronaut/beans"), "ours");
        Files.writeString(classes.resolve("application.yml"), "ours");
        String library = zip("library-1.0.jar", "logback.xml", "META-INF/micronaut/beans", "org/lib/Lib.class");

        assertThat(ClassDataArchives.shadowedByReordering(classes + File.pathSeparator + library))
                .as("a library's copy would win; Micronaut reads every bean index").containsExactly("logback.xml");
        assertThat(ClassDataArchives.shadowedByReordering(library + File.pathSeparator + classes)).isEmpty();
    }

    private String zip(String name, String... files) throws IOException {
        Path jar = dir.resolve("m2").resolve(name);
        Files.createDirectories(jar.getParent());
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (String file : files) {
                out.putNextEntry(new ZipEntry(file));
                out.write(1);
                out.closeEntry();
            }
        }
        return jar.toString();
    }

    private String jar(String name) throws IOException {
        Path jar = dir.resolve("m2").resolve(name);
        Files.createDirectories(jar.getParent());
        Files.write(jar, new byte[] {'P', 'K'});
        return jar.toString();
    }
}
