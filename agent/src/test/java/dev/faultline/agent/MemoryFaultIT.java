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

/** A memory fault measured from outside: the agent process's VmRSS in /proc/<pid>/status. */
class MemoryFaultIT {

    private static final Logger LOG = LoggerFactory.getLogger(MemoryFaultIT.class);

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
    void twoHundredMegabytesShouldBeResidentInTheAgentAndReturnedOnStop() {
        // once through the same code (rehearsal, a small fault) so that class loading does not count as the fault's memory
        assertThat(agent.client().rehearse("memory", Map.of("megabytes", 1)).ok()).isTrue();
        agent.client().create(new FaultSpec("warm-up", "memory", "memory-it", Duration.ofMinutes(1), Map.of("megabytes", 1)), agent.clearance());
        agent.client().stop("warm-up");

        double before = ProcFs.rssMegabytes(agent.pid());
        Fault fault = agent.client().create(new FaultSpec("hold", "memory", "memory-it", Duration.ofMinutes(1), Map.of("megabytes", 200)), agent.clearance());
        double holding = ProcFs.rssMegabytes(agent.pid());
        Removal removal = agent.client().stop("hold");
        double after = ProcFs.rssMegabytes(agent.pid());

        LOG.info(String.format("memory 200 MB: agent RSS %.1f -> %.1f MB (+%.1f) -> %.1f MB after stop (removal %d ms)",
                before, holding, holding - before, after, removal.millis()));
        assertThat(fault.effect().evidence()).containsEntry("residentMb", 200.0);
        assertThat(holding - before).as("RSS growth while holding 200 MB").isBetween(190.0, 210.0);
        assertThat(removal.verified()).as(removal.detail()).isTrue();
        assertThat(removal.evidence()).containsEntry("unmapped", true);
        assertThat(after - before).as("RSS after the stop, against before").isBetween(-10.0, 10.0);
    }
}
