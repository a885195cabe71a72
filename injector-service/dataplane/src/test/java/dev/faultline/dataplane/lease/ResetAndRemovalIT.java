package dev.faultline.dataplane.lease;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.dataplane.DataPlaneConfig;
import dev.faultline.dataplane.support.DataPlaneFixture;
import dev.faultline.dataplane.support.Probe;
import dev.faultline.dataplane.support.TestUpstream;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reset-all removes every fault at once; removing a fault does what its documentation says to open connections. */
class ResetAndRemovalIT {

    private static DataPlaneFixture fixture;
    private static TestUpstream echo;

    @BeforeAll
    static void start() throws IOException {
        fixture = new DataPlaneFixture(DataPlaneConfig.defaults());
        echo = TestUpstream.echo();
    }

    @AfterAll
    static void stop() throws IOException {
        fixture.close();
        echo.close();
    }

    @Test
    void resetShouldRemoveEveryToxicAndEnableEveryProxy() throws IOException {
        String first = fixture.proxy("r1", echo.address());
        String second = fixture.proxy("r2", echo.address());
        fixture.toxic("r1", "{\"type\": \"timeout\", \"attributes\": {\"timeout\": 0}}");
        fixture.toxic("r1", "{\"type\": \"latency\", \"stream\": \"upstream\", \"attributes\": {\"latency\": 1000}}");
        fixture.api().post("/proxies/r2", "{\"enabled\": false}");

        assertThat(fixture.api().post("/reset", "").status()).isEqualTo(204);

        assertThat(fixture.api().get("/proxies/r1/toxics").json()).isEmpty();
        assertThat(fixture.api().get("/proxies/r2").json().get("enabled").asBoolean()).isTrue();
        assertThat(fixture.api().get("/leases").json().findValuesAsText("key")).noneMatch(k -> k.startsWith("l4/r"));
        assertThat(Probe.medianRoundTrip(first, 3)).isLessThan(Duration.ofMillis(500));
        assertThat(Probe.medianRoundTrip(second, 3)).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void removingLatencyShouldDeliverHeldBytesAtOnce() throws IOException {
        String listen = fixture.proxy("lat-removed", echo.address());
        fixture.toxic("lat-removed", "{\"type\": \"latency\", \"attributes\": {\"latency\": 5000}}");
        try (Socket s = Probe.connect(listen)) {
            long start = System.nanoTime();
            s.getOutputStream().write('q');
            assertThat(fixture.api().delete("/proxies/lat-removed/toxics/latency_downstream").status()).isEqualTo(204);
            assertThat(s.getInputStream().read()).isEqualTo('q');
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3_000));
        }
    }

    @Test
    void removingABlackholeShouldCloseConnectionsWhoseBytesWereDropped() throws IOException {
        String listen = fixture.proxy("bh-removed", echo.address());
        fixture.toxic("bh-removed", "{\"type\": \"timeout\", \"stream\": \"upstream\", \"attributes\": {\"timeout\": 0}}");
        try (Socket held = Probe.connect(listen); Socket idle = Probe.connect(listen)) {
            held.getOutputStream().write('q');
            await(() -> fixture.plane().proxies().get("bh-removed").openConnections() == 2);
            assertThat(fixture.api().delete("/proxies/bh-removed/toxics/timeout_upstream").status()).isEqualTo(204);
            assertThat(held.getInputStream().read()).as("held connection closed").isEqualTo(-1);
            idle.getOutputStream().write('i');
            assertThat(idle.getInputStream().read()).as("untouched connection carries on").isEqualTo('i');
        }
        assertThat(Probe.medianRoundTrip(listen, 3)).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void removingABandwidthLimitShouldLetTheRestFlowAtFullSpeed() throws IOException {
        try (TestUpstream sender = TestUpstream.sendOnRequest(300_000)) {
            String listen = fixture.proxy("bw-removed", sender.address());
            fixture.toxic("bw-removed", "{\"type\": \"bandwidth\", \"attributes\": {\"rate\": 10}}");
            try (Socket s = Probe.connect(listen)) {
                long start = System.nanoTime();
                s.getOutputStream().write('g');
                assertThat(s.getInputStream().readNBytes(1_000)).hasSize(1_000);
                assertThat(fixture.api().delete("/proxies/bw-removed/toxics/bandwidth_downstream").status()).isEqualTo(204);
                assertThat(Probe.readAll(s.getInputStream())[0]).isEqualTo(299_000);
                // at 10 KB/s the whole transfer would take 30 s
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            }
        }
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(condition);
    }
}
