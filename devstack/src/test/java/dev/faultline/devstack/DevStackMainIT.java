package dev.faultline.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.devstack.support.JavaProcesses;
import dev.faultline.devstack.support.JavaProcesses.Launched;
import dev.faultline.devstack.support.WorkDirs;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Runs {@code faultline devstack} (DevStackMain) as its own JVM, as the README's first command does. */
class DevStackMainIT {

    private static final Duration GENEROUS = Duration.ofSeconds(180);
    private static final String[] ANY_FREE_PORTS = {
        "--kafka-port", "0", "--kafka-controller-port", "0", "--registry-port", "0",
        "--cassandra-port", "0", "--cassandra-storage-port", "0"};
    private static final Pattern DATA_DIR = Pattern.compile("data in (\\S+)");

    @Test
    void shouldStartAllPartsPrintTheirAddressesAndLeaveNothingRunning() throws Exception {
        Launched main = JavaProcesses.launch(DevStackMain.class, args("--exit-after-start"));
        assertThat(main.process().waitFor(GENEROUS.toSeconds(), TimeUnit.SECONDS)).as(main.text()).isTrue();
        List<ProcessHandle> children = List.copyOf(main.childrenSeen());

        assertThat(main.process().exitValue()).as(main.text()).isZero();
        assertThat(main.output()).as(main.text())
                .anyMatch(line -> line.matches("kafka\\s+127\\.0\\.0\\.1:\\d+\\s+started in .* rss \\d+ MiB.*"))
                .anyMatch(line -> line.matches("registry\\s+http://127\\.0\\.0\\.1:\\d+\\s+started in .*"))
                .anyMatch(line -> line.matches("cassandra\\s+127\\.0\\.0\\.1:\\d+\\s+started in .* rss \\d+ MiB.*"));
        assertThat(children).as("Kafka and Cassandra run as child processes").hasSize(2);
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(dataDir(main)).doesNotExist();
    }

    @Test
    void shouldStopEverythingCleanlyOnSigterm() throws Exception {
        Launched main = JavaProcesses.launch(DevStackMain.class, ANY_FREE_PORTS);
        Awaitility.await().atMost(GENEROUS).until(() -> main.printed("running; Ctrl-C") || !main.process().isAlive());
        List<ProcessHandle> children = main.process().children().toList();
        assertThat(children).as(main.text()).hasSize(2).allMatch(ProcessHandle::isAlive);

        main.process().destroy(); // SIGTERM, as `kill` or a service manager sends it

        assertThat(main.process().waitFor(GENEROUS.toSeconds(), TimeUnit.SECONDS)).as(main.text()).isTrue();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(dataDir(main)).doesNotExist();
    }

    @Test
    void shouldTakeItsChildrenDownWhenKilledWithSigkill() throws Exception {
        Launched main = JavaProcesses.launch(DevStackMain.class, ANY_FREE_PORTS);
        Awaitility.await().atMost(GENEROUS).until(() -> main.printed("running; Ctrl-C") || !main.process().isAlive());
        List<ProcessHandle> children = main.process().children().toList();
        assertThat(children).as(main.text()).hasSize(2).allMatch(ProcessHandle::isAlive);

        main.process().destroyForcibly().waitFor(); // no shutdown hook runs

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
        deleteDataDir(main);
    }

    @Test
    void shouldRefuseAFixedPortInUseNamingTheFlag() throws Exception {
        try (var busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Launched main = JavaProcesses.launch(DevStackMain.class, "--registry-port", Integer.toString(busy.getLocalPort()));

            assertThat(main.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> main.printed("--registry-port"));
            assertThat(main.process().exitValue()).isEqualTo(1);
            assertThat(main.text()).contains("port " + busy.getLocalPort(), "already in use", "--registry-port");
            assertThat(main.process().children().toList()).isEmpty();
        }
    }

    private static String[] args(String... extra) {
        String[] all = new String[ANY_FREE_PORTS.length + extra.length];
        System.arraycopy(ANY_FREE_PORTS, 0, all, 0, ANY_FREE_PORTS.length);
        System.arraycopy(extra, 0, all, ANY_FREE_PORTS.length, extra.length);
        return all;
    }

    private static Path dataDir(Launched main) {
        return main.output().stream().map(DATA_DIR::matcher).filter(Matcher::find)
                .map(m -> Path.of(m.group(1))).findFirst().orElseThrow(() -> new AssertionError(main.text()));
    }

    private static void deleteDataDir(Launched main) {
        WorkDirs.deleteRecursively(dataDir(main)); // nobody else does after a SIGKILL
    }
}
