package dev.faultline.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.agent.client.Fault;
import dev.faultline.agent.client.FaultSpec;
import dev.faultline.agent.client.Removal;
import dev.faultline.agent.support.AgentProcess;
import dev.faultline.agent.support.ProcFs;
import dev.faultline.agent.support.TargetServer;
import dev.faultline.agent.support.Targets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pause fault on a real HTTP server in its own JVM: it stops answering while paused and answers again after the stop. */
class PauseFaultIT {

    private static final String SERVER = ".* " + TargetServer.class.getName().replace(".", "\\.") + " \\d+";

    @TempDir
    static Path dir;
    private static AgentProcess agent;
    private static final Targets targets = new Targets();

    @BeforeAll
    static void start() {
        agent = AgentProcess.start(dir, new AgentProcess.Settings(dir.resolve("state"), List.of(SERVER), List.of(), 64));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        agent.close();
        targets.close();
    }

    @Test
    void aPausedServerShouldStopAnsweringUntilTheStop() {
        int port = Targets.freePort();
        Process server = targets.server(port);
        await("target server answering").atMost(Duration.ofSeconds(20)).until(() -> Targets.answers(port, Duration.ofSeconds(1)));
        String target = ".* " + TargetServer.class.getName().replace(".", "\\.") + " " + port;

        Fault fault = agent.client().create(new FaultSpec("freeze", "pause", "pause-it", Duration.ofMinutes(1), Map.of("process", target)), agent.clearance());
        assertThat(fault.effect().ok()).as(fault.effect().detail()).isTrue();
        assertThat(ProcFs.state(server.pid())).contains('T');
        assertThat(Targets.answers(port, Duration.ofSeconds(1))).as("answers while paused").isFalse();

        Removal removal = agent.client().stop("freeze");
        assertThat(removal.verified()).as(removal.detail()).isTrue();
        assertThat(ProcFs.state(server.pid())).isPresent().get().isNotEqualTo('T');
        await("target answering again").atMost(Duration.ofSeconds(5)).until(() -> Targets.answers(port, Duration.ofSeconds(1)));
    }
}
