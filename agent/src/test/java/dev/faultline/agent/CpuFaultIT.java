package dev.faultline.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.agent.client.Fault;
import dev.faultline.agent.client.FaultSpec;
import dev.faultline.agent.client.Removal;
import dev.faultline.agent.support.AgentProcess;
import dev.faultline.agent.support.ProcFs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
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

    /**
     * A window counts only if the machine had idle CPU during it: on a machine saturated by other
     * builds no thread at normal priority can get half a core, and the fault cannot make CPU that
     * is not there. Up to 30 s of windows are tried; if none had room, the test is aborted (reported
     * as skipped, with the figures) rather than passed.
     */
    private static final double ROOM_CORES = 0.25;
    private static final Duration ROOM_DEADLINE = Duration.ofSeconds(30);

    @Test
    void oneCoreAtFiftyPercentShouldUseHalfACoreAndStopWhenRemoved() throws InterruptedException {
        ProcFs.CpuWindow idle = ProcFs.cpuOver(agent.pid(), Duration.ofSeconds(1));

        Fault fault = agent.client().create(new FaultSpec("burn", "cpu", "cpu-it", Duration.ofMinutes(1),
                Map.of("cores", 1, "percent", 50)), agent.clearance());
        assertThat(fault.effect().ok()).isTrue();
        List<ProcFs.CpuWindow> windows = new ArrayList<>();
        long deadline = System.nanoTime() + ROOM_DEADLINE.toNanos();
        do {
            windows.add(ProcFs.cpuOver(agent.pid(), WINDOW));
        } while (windows.get(windows.size() - 1).idleCores() < ROOM_CORES && System.nanoTime() < deadline);
        ProcFs.CpuWindow burning = windows.get(windows.size() - 1);

        Removal removal = agent.client().stop("burn");
        ProcFs.CpuWindow after = ProcFs.cpuOver(agent.pid(), Duration.ofSeconds(2));

        LOG.info(String.format("cpu 1 core at 50 %%: idle %.1f %%, burning %.1f %% over %d s (machine idle %.2f cores; windows %s),"
                        + " after stop %.1f %%, removal %d ms", idle.percent(), burning.percent(), WINDOW.toSeconds(),
                burning.idleCores(), windows, after.percent(), removal.millis()));
        assertThat(removal.verified()).as(removal.detail()).isTrue();
        assertThat(removal.evidence()).containsEntry("threadsInKernel", List.of());
        assertThat(after.percent()).as("agent CPU after the stop").isLessThan(5.0);
        Assumptions.assumeTrue(burning.idleCores() >= ROOM_CORES, () -> "the machine had no idle CPU for "
                + ROOM_DEADLINE.toSeconds() + " s (other builds): cannot measure a 50 % burner; windows " + windows);
        assertThat(burning.percent()).as("agent CPU over %s while burning 1 core at 50 %%", WINDOW).isBetween(40.0, 60.0);
    }
}
