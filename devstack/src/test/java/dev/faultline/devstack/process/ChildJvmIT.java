package dev.faultline.devstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.devstack.support.JavaProcesses;
import dev.faultline.devstack.support.JavaProcesses.Launched;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmIT {

    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @Test
    void shouldDieWhenItsParentIsKilledWithSigkill(@TempDir Path dir) throws Exception {
        Launched parent = JavaProcesses.launch(ParentFixture.class, dir.toString());
        Awaitility.await().atMost(GENEROUS).until(() -> parent.printed("child "));
        long childPid = Long.parseLong(parent.output().stream()
                .filter(line -> line.startsWith("child ")).findFirst().orElseThrow().substring("child ".length()));
        ProcessHandle child = ProcessHandle.of(childPid).orElseThrow();
        assertThat(child.parent().map(ProcessHandle::pid)).contains(parent.process().pid());

        parent.process().destroyForcibly().waitFor();

        Awaitility.await().atMost(GENEROUS).until(() -> !child.isAlive());
    }

    @Test
    void shouldStopTheChildCleanlyOnClose(@TempDir Path dir) {
        ChildJvm child = ChildJvm.launch("sleeper", List.of("-Xmx32m"), System.getProperty("java.class.path"),
                SleeperFixture.class.getName(), List.of(), dir.resolve("sleeper.out"));
        Awaitility.await().atMost(GENEROUS).until(() -> child.logTail(5).contains("sleeper running"));
        assertThat(child.rssBytes()).isPresent();

        child.close();

        assertThat(child.isAlive()).isFalse();
    }

    @Test
    void shouldIgnoreSigintSoThatItsParentStopsItInOrder(@TempDir Path dir) throws Exception {
        try (ChildJvm child = ChildJvm.launch("sleeper", List.of("-Xmx32m"), System.getProperty("java.class.path"),
                SleeperFixture.class.getName(), List.of(), dir.resolve("sleeper.out"))) {
            Awaitility.await().atMost(GENEROUS).until(() -> child.logTail(5).contains("sleeper running"));

            new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();

            Awaitility.await().atMost(GENEROUS).until(() -> child.logTail(5).contains("ignoring SIGINT"));
            assertThat(child.isAlive()).isTrue();
        }
    }
}
