package dev.faultline.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.agent.client.FaultSpec;
import dev.faultline.agent.support.AgentProcess;
import dev.faultline.agent.support.ProcFs;
import dev.faultline.agent.support.TargetServer;
import dev.faultline.agent.support.Targets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent killed with SIGKILL mid-fault leaves files and a stopped process behind; the next
 * agent on the same state directory removes the files and continues the process before it listens.
 */
class RestartRecoveryIT {

    @TempDir
    static Path dir;
    private static final Targets targets = new Targets();

    @AfterAll
    static void stop() throws InterruptedException {
        targets.close();
    }

    @Test
    void aRestartedAgentShouldUndoWhatItsKilledPredecessorLeft() throws Exception {
        Path allowed = Files.createDirectories(dir.resolve("allowed"));
        String servers = ".* " + TargetServer.class.getName().replace(".", "\\.") + " \\d+";
        AgentProcess.Settings settings = new AgentProcess.Settings(dir.resolve("state"), List.of(servers), List.of(allowed.toString()), 64);
        int port = Targets.freePort();
        Process server = targets.server(port);
        await("target server answering").atMost(Duration.ofSeconds(20)).until(() -> Targets.answers(port, Duration.ofSeconds(1)));

        AgentProcess first = AgentProcess.start(dir, settings);
        first.client().create(new FaultSpec("fill", "disk", "crash-it", Duration.ofMinutes(5), Map.of("directory", allowed.toString(), "megabytes", 5)), first.clearance());
        first.client().create(new FaultSpec("freeze", "pause", "crash-it", Duration.ofMinutes(5),
                Map.of("process", ".* " + TargetServer.class.getName().replace(".", "\\.") + " " + port)), first.clearance());
        first.kill9();

        // the predecessor's effects outlive it: this is what the journal is for
        assertThat(files(allowed)).hasSize(1);
        assertThat(ProcFs.state(server.pid())).contains('T');
        assertThat(Targets.answers(port, Duration.ofMillis(500))).isFalse();

        try (AgentProcess second = AgentProcess.start(dir, settings)) {
            // recovery runs before the API listens: by the time it answers, it is done
            assertThat(files(allowed)).isEmpty();
            assertThat(ProcFs.state(server.pid())).isPresent().get().isNotEqualTo('T');
            await("target answering again").atMost(Duration.ofSeconds(5)).until(() -> Targets.answers(port, Duration.ofSeconds(1)));
            assertThat(second.client().faults()).as("a restarted agent holds no faults").isEmpty();
            assertThat(second.log()).contains("recovered 2 journal entries", "continued processes [" + server.pid() + "]");
            try (Stream<Path> left = Files.list(dir.resolve("state"))) {
                assertThat(left.map(p -> p.getFileName().toString())).containsExactly(".lock");
            }
        }
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}
