package dev.faultline.devstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.devstack.support.JavaProcesses;
import dev.faultline.devstack.support.JavaProcesses.Launched;
import java.nio.file.Files;
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
    void shouldStopTheChildCleanlyOnClose(@TempDir Path dir) throws Exception {
        ChildJvm child = ChildJvm.launch("sleeper", List.of("-Xmx32m"), System.getProperty("java.class.path"),
                SleeperFixture.class.getName(), List.of(), dir.resolve("sleeper.out"));
        Awaitility.await().atMost(GENEROUS).until(() -> child.logTail(5).contains("sleeper running"));
        assertThat(child.rssBytes()).isPresent();
        assertThat(ChildJvm.NATIVE_HEAP_TRIM).as("JDK 17.0.9 and later trim the native heap").isNotEmpty();
        assertThat(Files.readString(Path.of("/proc", Long.toString(child.pid()), "cmdline")).split("\0"))
                .as("started, so its JVM took the option").contains(ChildJvm.NATIVE_HEAP_TRIM.get(0));

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

    @Test
    void shouldStartASupervisedJvmAgainAfterItIsKilledAndStopBothOnClose(@TempDir Path dir) throws Exception {
        ChildJvm supervised = ChildJvm.launchSupervised("sleeper", List.of("-Xmx32m"), System.getProperty("java.class.path"),
                SleeperFixture.class.getName(), List.of(), dir.resolve("sleeper.out"), Duration.ofMillis(200));
        try {
            Awaitility.await().atMost(GENEROUS).until(() -> child(supervised) != null && supervised.logTail(5).contains("sleeper running"));
            ProcessHandle first = child(supervised);
            // the JVM watches the parent's pipe through the loop: it keeps running rather than exiting at once
            Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> first.isAlive() && first.equals(child(supervised)));
            assertThat(supervised.rssBytes().getAsLong()).as("the loop's and its JVM's").isGreaterThan(
                    dev.faultline.devstack.process.ProcessStats.rssBytes(supervised.pid()).getAsLong());

            first.destroyForcibly();

            Awaitility.await().atMost(GENEROUS).until(() -> child(supervised) != null && !child(supervised).equals(first));
            assertThat(supervised.logTail(20)).contains("faultline supervisor: sleeper exited (137), starting it again in 200 ms");
            ProcessHandle second = child(supervised);
            supervised.close();
            assertThat(supervised.isAlive()).isFalse();
            Awaitility.await().atMost(GENEROUS).until(() -> !second.isAlive());
        } finally {
            supervised.close();
        }
    }

    private static ProcessHandle child(ChildJvm supervised) {
        return ProcessHandle.of(supervised.pid()).flatMap(loop -> loop.children()
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false)).findFirst()).orElse(null);
    }
}
