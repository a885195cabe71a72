package dev.faultline.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.agent.client.AgentException;
import dev.faultline.agent.client.Fault;
import dev.faultline.agent.client.FaultSpec;
import dev.faultline.agent.client.Removal;
import dev.faultline.agent.support.AgentProcess;
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

/** A disk fault measured from outside: the files in the allowed directory, and the free-space floor. */
class DiskFaultIT {

    private static final long MIB = 1024 * 1024;
    private static final long FLOOR_MB = 64;

    @TempDir
    static Path dir;
    private static Path allowed;
    private static AgentProcess agent;

    @BeforeAll
    static void start() throws IOException {
        allowed = Files.createDirectories(dir.resolve("allowed"));
        agent = AgentProcess.start(dir, new AgentProcess.Settings(dir.resolve("state"), List.of(),
                List.of(allowed.toString()), FLOOR_MB));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        agent.close();
    }

    @Test
    void twentyMegabytesShouldAppearAsFilesAndBeGoneAfterStop() throws IOException {
        Fault fault = agent.client().create(new FaultSpec("fill", "disk", "disk-it", Duration.ofMinutes(1),
                Map.of("directory", allowed.toString(), "megabytes", 20)), agent.clearance());
        List<Path> files = list(allowed);
        long bytes = files.stream().mapToLong(DiskFaultIT::size).sum();
        assertThat(fault.effect().ok()).as(fault.effect().detail()).isTrue();
        assertThat(bytes).as("bytes in %s", files).isEqualTo(20 * MIB);
        assertThat(files).allSatisfy(f -> assertThat(f.getFileName().toString()).startsWith("faultline-fill-"));

        Removal removal = agent.client().stop("fill");
        assertThat(removal.verified()).as(removal.detail()).isTrue();
        assertThat(list(allowed)).isEmpty();
    }

    @Test
    void aWriteThatWouldCrossTheFloorShouldBeRefusedWithTheArithmetic() throws IOException {
        long freeMb = Files.getFileStore(allowed).getUsableSpace() / MIB;
        long ask = freeMb - FLOOR_MB / 2;  // would leave about half the floor
        Path real = allowed.toRealPath();
        assertThatThrownBy(() -> agent.client().create(new FaultSpec("too-much", "disk", "disk-it", Duration.ofMinutes(1),
                Map.of("directory", allowed.toString(), "megabytes", ask)), agent.clearance()))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("writing " + ask + ".0 MB into " + real,
                            "below the free-space floor of 64.0 MB", "(free now ", " - " + ask + ".0 MB = ", " < 64.0 MB)");
                });
        assertThat(list(allowed)).as("nothing written").isEmpty();
        assertThat(agent.client().faults()).isEmpty();
    }

    private static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
