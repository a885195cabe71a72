package dev.faultline.devstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real JVMs: the first records its classes and its stop has the archive written; the next loads them from it. */
class ClassDataArchivesIT {

    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @Test
    void shouldWriteTheArchiveAtTheFirstCleanStopAndLoadTheLibraryClassesFromItAtTheNextStart(@TempDir Path dir) throws Exception {
        ClassDataArchives archives = new ClassDataArchives(Optional.of(dir.resolve("cds")), Duration.ZERO);
        String classpath = System.getProperty("java.class.path");
        Path archive;
        try (ChildJvm first = launch(archives, classpath, List.of(), dir.resolve("first.out"))) {
            Awaitility.await().atMost(GENEROUS).until(() -> first.logTail(5).contains("library logger ready"));
            archive = first.recording().orElseThrow().archive();
            assertThat(archive).as("written at the stop, not before").doesNotExist();
        }
        archives.awaitRecordings(GENEROUS);
        assertThat(archive).isRegularFile();
        try (Stream<Path> files = Files.list(dir.resolve("cds"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("the class list is gone once the archive is written").noneMatch(name -> name.endsWith(".classlist"));
        }

        Path classLoading = dir.resolve("class-load.log");
        try (ChildJvm next = launch(archives, classpath, List.of("-Xlog:class+load=info:file=" + classLoading),
                dir.resolve("next.out"))) {
            Awaitility.await().atMost(GENEROUS).until(() -> next.logTail(5).contains("library logger ready"));
            assertThat(next.recording()).isEmpty();
            assertThat(Files.readAllLines(classLoading))
                    .as("a release jar's class, from the archive")
                    .anyMatch(line -> line.contains("org.slf4j.LoggerFactory source: shared objects file"))
                    .as("the test's own classes are a class directory's, never archived")
                    .anyMatch(line -> line.contains(LibraryFixture.class.getName() + " source: file:"));
        }
    }

    @Test
    void shouldWriteNoArchiveForAJvmThatWasKilled(@TempDir Path dir) throws Exception {
        ClassDataArchives archives = new ClassDataArchives(Optional.of(dir.resolve("cds")), Duration.ZERO);
        ChildJvm killed = launch(archives, System.getProperty("java.class.path"), List.of(), dir.resolve("killed.out"));
        Awaitility.await().atMost(GENEROUS).until(() -> killed.logTail(5).contains("library logger ready"));
        ProcessHandle.of(killed.pid()).orElseThrow().destroyForcibly();
        Awaitility.await().atMost(GENEROUS).until(() -> !killed.isAlive());

        killed.close();
        archives.awaitRecordings(GENEROUS);

        assertThat(killed.recording().orElseThrow().archive()).doesNotExist();
    }

    private static ChildJvm launch(ClassDataArchives archives, String classpath, List<String> jvmArgs, Path out) {
        assertThat(Arrays.stream(classpath.split(File.pathSeparator))).as("a release jar to archive")
                .anyMatch(entry -> entry.contains("slf4j-api") && ClassDataArchives.isStable(entry));
        return ChildJvm.launch(archives, "library", List.of(), jvmArgs, classpath, LibraryFixture.class.getName(),
                List.of(), out);
    }
}
