package dev.faultline.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTest {

    @TempDir
    Path dir;

    private String classpath() throws Exception {
        Path service = Files.writeString(dir.resolve("service.jar"), "jar bytes");
        Path library = Files.writeString(dir.resolve("library.jar"), "more jar bytes");
        return service + File.pathSeparator + library;
    }

    private static String value(List<String> flags, String option) {
        return flags.stream().filter(f -> f.startsWith(option + "=")).findFirst().orElseThrow()
                .substring(option.length() + 1);
    }

    @Test
    void shouldRecordAtTheFirstStartAndMapTheArchiveOnceTheJvmHasExited() throws Exception {
        ClassDataSharing sharing = new ClassDataSharing(dir.resolve("class-data"));
        String classpath = classpath();

        List<String> first = sharing.flags("safety-service", "safety-service", classpath);
        Path dump = Path.of(value(first, "-XX:ArchiveClassesAtExit"));
        assertThat(first).noneMatch(f -> f.startsWith("-XX:SharedArchiveFile"));
        Files.writeString(dump, "what the JVM wrote at exit");
        assertThat(sharing.flags("safety-service-2", "safety-service", classpath))
                .as("not mapped while the first JVM runs").anyMatch(f -> f.startsWith("-XX:ArchiveClassesAtExit"));

        sharing.exited("safety-service");
        List<String> next = sharing.flags("safety-service", "safety-service", classpath);
        Path archive = Path.of(value(next, "-XX:SharedArchiveFile"));
        assertThat(archive).hasContent("what the JVM wrote at exit");
        assertThat(dump).doesNotExist();
    }

    @Test
    void shouldKeepNothingWhenTheJvmWroteNoArchive() throws Exception {
        ClassDataSharing sharing = new ClassDataSharing(dir.resolve("class-data"));
        String classpath = classpath();
        sharing.flags("analysis-service", "analysis-service", classpath);
        sharing.exited("analysis-service"); // killed: nothing dumped
        assertThat(sharing.flags("analysis-service", "analysis-service", classpath))
                .anyMatch(f -> f.startsWith("-XX:ArchiveClassesAtExit"));
    }

    @Test
    void shouldNameANewArchiveWhenAJarIsRebuilt() throws Exception {
        String classpath = classpath();
        String before = ClassDataSharing.fingerprint(classpath);
        Files.setLastModifiedTime(dir.resolve("service.jar"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertThat(ClassDataSharing.fingerprint(classpath)).isNotEqualTo(before);
    }

    @Test
    void shouldDropTheArchiveOfAnEarlierBuildWhenANewOneIsKept() throws Exception {
        ClassDataSharing sharing = new ClassDataSharing(dir.resolve("class-data"));
        String classpath = classpath();
        Files.writeString(Path.of(value(sharing.flags("catalog-service", "catalog-service", classpath),
                "-XX:ArchiveClassesAtExit")), "build 1");
        sharing.exited("catalog-service");
        Path earlier = Path.of(value(sharing.flags("catalog-service", "catalog-service", classpath), "-XX:SharedArchiveFile"));

        Files.setLastModifiedTime(dir.resolve("service.jar"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Files.writeString(Path.of(value(sharing.flags("catalog-service", "catalog-service", classpath),
                "-XX:ArchiveClassesAtExit")), "build 2");
        sharing.exited("catalog-service");
        assertThat(earlier).doesNotExist();
        assertThat(Path.of(value(sharing.flags("catalog-service", "catalog-service", classpath), "-XX:SharedArchiveFile")))
                .hasContent("build 2");
    }

    @Test
    void shouldBeOffUnlessAskedFor() throws Exception {
        assertThat(ClassDataSharing.configured(dir.resolve("class-data")).flags("safety-service", "safety-service",
                classpath())).isEmpty();
    }

    @Test
    void shouldLeaveAClasspathWithAClassDirectoryAlone() throws Exception {
        String classpath = dir.resolve("target/classes") + File.pathSeparator + classpath();
        assertThat(new ClassDataSharing(dir.resolve("class-data")).flags("hypothesis-service", "hypothesis-service",
                classpath)).isEmpty();
    }
}
