package dev.faultline.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.agent.client.Rehearsal;
import dev.faultline.agent.support.AgentProcess;
import dev.faultline.agent.support.ProcFs;
import dev.faultline.agent.support.Targets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind's rollback rehearsal against the real agent: it proves the way back and leaves nothing behind. */
class RehearsalIT {

    @TempDir
    static Path dir;
    private static Path allowed;
    private static AgentProcess agent;
    private static final Targets targets = new Targets();

    @BeforeAll
    static void start() throws IOException {
        allowed = Files.createDirectories(dir.resolve("allowed"));
        agent = AgentProcess.start(dir, new AgentProcess.Settings(dir.resolve("state"), List.of("sleep 9\\d{8}"),
                List.of(allowed.toString()), 64));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        agent.close();
        targets.close();
    }

    @Test
    void cpuMemoryAndDiskShouldApplyAHarmlessInstanceAndVerifyItsRemoval() throws IOException {
        Rehearsal cpu = agent.client().rehearse("cpu", Map.of("cores", 1, "percent", 80));
        Rehearsal memory = agent.client().rehearse("memory", Map.of("megabytes", 500));
        Rehearsal disk = agent.client().rehearse("disk", Map.of("directory", allowed.toString(), "megabytes", 50));
        for (Rehearsal r : List.of(cpu, memory, disk)) {
            assertThat(r.ok()).as("%s", r).isTrue();
            assertThat(r.steps()).extracting(Rehearsal.Step::action)
                    .contains("check the effect", "remove and verify the removal");
        }
        assertThat(cpu.steps().get(0).action()).contains("percent=0");
        assertThat(memory.steps().get(1).detail()).isEqualTo("1.0 MB of 1.0 MB resident in 1 block(s)");
        assertThat(disk.steps().get(1).detail()).contains("holding 0 of 0 bytes");
        try (Stream<Path> files = Files.list(allowed)) {
            assertThat(files).isEmpty();
        }
        assertThat(agent.client().faults()).isEmpty();
    }

    @Test
    void pauseAndKillShouldResolveAndSignalTheTargetWithoutHarmingIt() {
        long seconds = Targets.uniqueSeconds();
        Process target = targets.sleep(seconds);
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcFs.state(target.pid()).isPresent());
        for (String kind : List.of("pause", "kill")) {
            Rehearsal r = agent.client().rehearse(kind, Map.of("process", "sleep " + seconds));
            assertThat(r.ok()).as("%s", r).isTrue();
            assertThat(r.steps()).extracting(Rehearsal.Step::action).containsExactly(
                    "resolve 'sleep " + seconds + "'", "check the allow-list", "kill -0 " + target.pid());
        }
        assertThat(target.isAlive()).isTrue();
        assertThat(ProcFs.state(target.pid())).isPresent().get().isNotEqualTo('T');
    }
}
