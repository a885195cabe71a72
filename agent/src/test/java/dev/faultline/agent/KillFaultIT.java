package dev.faultline.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.agent.client.Fault;
import dev.faultline.agent.client.FaultSpec;
import dev.faultline.agent.client.Removal;
import dev.faultline.agent.support.AgentProcess;
import dev.faultline.agent.support.Targets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kill fault on real processes: one under a supervisor comes back with a new pid, one without does not. */
class KillFaultIT {

    @TempDir
    static Path dir;
    private static AgentProcess agent;
    private static final Targets targets = new Targets();

    @BeforeAll
    static void start() {
        agent = AgentProcess.start(dir, new AgentProcess.Settings(dir.resolve("state"), List.of("sleep 9\\d{8}"), List.of(), 64));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        agent.close();
        targets.close();
    }

    @Test
    void aSupervisedProcessShouldBeReportedBackWithItsNewPid() {
        long seconds = Targets.uniqueSeconds();
        Process supervisor = targets.supervisedSleep(seconds);
        long original = awaitChild(supervisor);

        Fault fault = agent.client().create(new FaultSpec("kill-supervised", "kill", "kill-it", Duration.ofMinutes(1),
                Map.of("process", "sleep " + seconds, "graceMillis", 5000)), agent.clearance());
        assertThat(fault.effect().evidence()).containsEntry("killedPids", List.of((int) original));
        assertThat(ProcessHandle.of(original).map(ProcessHandle::isAlive).orElse(false)).as("original killed").isFalse();

        Removal removal = agent.client().stop("kill-supervised");
        assertThat(removal.verified()).isTrue();
        assertThat(removal.evidence()).containsEntry("back", true);
        long replacement = ((Number) ((List<?>) removal.evidence().get("newPids")).get(0)).longValue();
        assertThat(replacement).isNotEqualTo(original);
        assertThat(supervisor.descendants().map(ProcessHandle::pid)).as("the supervisor's new child").contains(replacement);
    }

    @Test
    void anUnsupervisedProcessShouldBeReportedNotBack() throws InterruptedException {
        long seconds = Targets.uniqueSeconds();
        Process lone = targets.sleep(seconds);

        agent.client().create(new FaultSpec("kill-lone", "kill", "kill-it", Duration.ofMinutes(1),
                Map.of("process", "sleep " + seconds, "graceMillis", 1000)), agent.clearance());
        assertThat(lone.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(lone.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        Removal removal = agent.client().stop("kill-lone");
        assertThat(removal.verified()).isTrue();
        assertThat(removal.evidence()).containsEntry("back", false).containsEntry("newPids", List.of());
        assertThat(removal.millis()).as("waited its grace").isGreaterThanOrEqualTo(1000);
    }

    private static long awaitChild(Process supervisor) {
        return org.awaitility.Awaitility.await("the supervisor's first child").atMost(Duration.ofSeconds(5))
                .until(() -> supervisor.descendants().map(ProcessHandle::pid).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }
}
