package dev.faultline.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.agent.client.Fault;
import dev.faultline.agent.client.FaultSpec;
import dev.faultline.agent.client.Removal;
import dev.faultline.agent.support.AgentProcess;
import dev.faultline.agent.support.ProcFs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A cpu fault measured from outside: the agent process's own CPU time in /proc/<pid>/stat. */
class CpuFaultIT {

    private static final Logger LOG = LoggerFactory.getLogger(CpuFaultIT.class);

    private static final Duration WINDOW = Duration.ofSeconds(3);

    @TempDir
    static Path dir;
    private static AgentProcess agent;

    @BeforeAll
    static void start() {
        agent = AgentProcess.start(dir, new AgentProcess.Settings(dir.resolve("state"), List.of(), List.of(), 64));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        agent.close();
    }

    @Test
    void oneCoreAtFiftyPercentShouldUseHalfACoreAndStopWhenRemoved() throws InterruptedException {
        double idle = ProcFs.cpuPercentOver(agent.pid(), Duration.ofSeconds(1));

        Fault fault = agent.client().create(new FaultSpec("burn", "cpu", "cpu-it", Duration.ofMinutes(1),
                Map.of("cores", 1, "percent", 50)));
        assertThat(fault.effect().ok()).isTrue();
        double burning = ProcFs.cpuPercentOver(agent.pid(), WINDOW);

        Removal removal = agent.client().stop("burn");
        double after = ProcFs.cpuPercentOver(agent.pid(), Duration.ofSeconds(2));

        LOG.info(String.format("cpu 1 core at 50 %%: idle %.1f %%, burning %.1f %% over %d s, after stop %.1f %%, removal %d ms",
                idle, burning, WINDOW.toSeconds(), after, removal.millis()));
        assertThat(burning).as("agent CPU over %s while burning 1 core at 50 %%", WINDOW).isBetween(40.0, 60.0);
        assertThat(removal.verified()).as(removal.detail()).isTrue();
        assertThat(removal.evidence()).containsEntry("threadsInKernel", List.of());
        assertThat(after).as("agent CPU after the stop").isLessThan(5.0);
    }
}
