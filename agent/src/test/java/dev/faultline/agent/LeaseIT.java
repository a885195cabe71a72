package dev.faultline.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.agent.client.Fault;
import dev.faultline.agent.client.FaultSpec;
import dev.faultline.agent.client.Release;
import dev.faultline.agent.support.AgentProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leases against the real process: an unrenewed fault removes itself (and its effect), a renewed one stays. */
class LeaseIT {

    private static final Duration TTL = Duration.ofMillis(1500);

    @TempDir
    static Path dir;
    private static Path allowed;
    private static AgentProcess agent;

    @BeforeAll
    static void start() throws IOException {
        allowed = Files.createDirectories(dir.resolve("allowed"));
        agent = AgentProcess.start(dir, new AgentProcess.Settings(dir.resolve("state"), List.of(), List.of(allowed.toString()), 64));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        agent.close();
    }

    @Test
    void anUnrenewedFaultShouldBeRemovedWithItsEffectOnceItsLeaseLapses() throws IOException {
        Path sub = Files.createDirectories(allowed.resolve("lapse"));
        Fault fault = agent.client().create(new FaultSpec("lapsing", "disk", "lease-it-a", TTL,
                Map.of("directory", sub.toString(), "megabytes", 1)), agent.clearance());
        Instant created = Instant.now();
        assertThat(fault.ttlMillis()).isEqualTo(TTL.toMillis());
        assertThat(files(sub)).hasSize(1);
        assertThat(agent.client().leasesOf("lease-it-a")).extracting(Fault::name).containsExactly("lapsing");

        await("the lapsed fault removed").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> agent.client().faults().isEmpty());
        assertThat(Duration.between(created, Instant.now())).as("not before its ttl").isGreaterThanOrEqualTo(TTL.minusMillis(100));
        assertThat(files(sub)).as("its file removed with it").isEmpty();
        assertThat(agent.client().leasesOf("lease-it-a")).isEmpty();
        assertThat(agent.client().renew("lease-it-a")).as("nothing left to renew").isFalse();
        assertThat(agent.log()).contains("lease of lapsing held by lease-it-a expired");
    }

    @Test
    void aRenewedFaultShouldOutliveItsTtlAndBeReleasedWithItsVerification() throws Exception {
        Path sub = Files.createDirectories(allowed.resolve("renewed"));
        Fault created = agent.client().create(new FaultSpec("renewed", "disk", "lease-it-b", TTL,
                Map.of("directory", sub.toString(), "megabytes", 1)), agent.clearance());
        // the controller: renews every 300 ms, as an injector does for the faults it holds
        ScheduledExecutorService controller = Executors.newSingleThreadScheduledExecutor();
        controller.scheduleAtFixedRate(() -> agent.client().renew("lease-it-b"), 300, 300, TimeUnit.MILLISECONDS);
        try {
            // an expiry three ttls past the first one can only come from a renewal made well after the first expiry;
            // the fault must be there at every look (orElseThrow fails the test at once otherwise)
            await("renewed past three ttls").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> agent.client().fault("renewed").orElseThrow().expiresAt(),
                            expiry -> expiry.isAfter(created.expiresAt().plus(TTL.multipliedBy(2))));
        } finally {
            controller.shutdownNow();
            controller.awaitTermination(5, TimeUnit.SECONDS);
        }
        assertThat(files(sub)).hasSize(1);

        Release release = agent.client().release("lease-it-b");
        assertThat(release.verified()).isTrue();
        assertThat(release.removed()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("renewed");
            assertThat(r.verified()).isTrue();
        });
        assertThat(files(sub)).isEmpty();
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}
