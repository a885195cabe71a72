package dev.faultline.dataplane.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.dataplane.DataPlaneConfig;
import dev.faultline.dataplane.support.DataPlaneFixture;
import dev.faultline.dataplane.support.LatencyProbe;
import dev.faultline.dataplane.support.Probe;
import dev.faultline.dataplane.support.TestUpstream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every L4 fault over real loopback sockets, with its effect measured against a baseline
 * taken in the same test (so a loaded machine shifts both sides alike).
 */
class L4FaultsIT {

    private static final Logger MEASURED = LoggerFactory.getLogger("measurement");

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
    void shouldPassTrafficThroughUnchangedByDefault() throws IOException {
        String listen = fixture.proxy("passthrough", echo.address());
        try (Socket s = Probe.connect(listen)) {
            s.getOutputStream().write("hello".getBytes());
            assertThat(s.getInputStream().readNBytes(5)).isEqualTo("hello".getBytes());
        }
    }

    @Test
    void latencyShouldAddTheConfiguredDelayWithinTenPercent() throws IOException {
        String clean = fixture.proxy("latency-clean", echo.address());
        String faulted = fixture.proxy("latency", echo.address());
        fixture.toxic("latency", "{\"type\": \"latency\", \"stream\": \"downstream\", \"attributes\": {\"latency\": 300}}");
        LatencyProbe.Sample sample = LatencyProbe.sample(clean, faulted, Duration.ofMillis(300), 9);
        MEASURED.info("latency 300 ms: {}, added {} ms", sample, sample.addedMs());
        LatencyProbe.assertAdded(sample, Duration.ofMillis(300));
    }

    @Test
    void bandwidthShouldLimitTheRateWithinTenPercent() throws IOException {
        int bytes = 400_000;
        try (TestUpstream sender = TestUpstream.sendOnRequest(bytes)) {
            String listen = fixture.proxy("bandwidth", sender.address());
            // the fastest of three clean transfers: the first one also pays for JIT and connection warm-up
            long baselineNanos = Math.min(timeTransfer(listen, bytes), Math.min(timeTransfer(listen, bytes), timeTransfer(listen, bytes)));
            fixture.toxic("bandwidth", "{\"type\": \"bandwidth\", \"attributes\": {\"rate\": 200}}");
            long limitedNanos = timeTransfer(listen, bytes);
            double seconds = (limitedNanos - baselineNanos) / 1e9;
            double kbPerSecond = bytes / 1000.0 / seconds;
            MEASURED.info("bandwidth 200 KB/s: {} bytes in {} s more than the clean {} ms = {} KB/s", bytes, seconds, baselineNanos / 1_000_000, kbPerSecond);
            assertThat(kbPerSecond).as("measured rate in KB/s over %.2f s", seconds).isBetween(180.0, 220.0);
        }
    }

    private static long timeTransfer(String listen, int expected) throws IOException {
        try (Socket s = Probe.connect(listen)) {
            long start = System.nanoTime();
            s.getOutputStream().write('g');
            int[] read = Probe.readAll(s.getInputStream());
            long elapsed = System.nanoTime() - start;
            assertThat(read[0]).isEqualTo(expected);
            return elapsed;
        }
    }

    @Test
    void timeoutZeroShouldBlackholeWhileADirectConnectionAnswers() throws IOException {
        String listen = fixture.proxy("blackhole", echo.address());
        fixture.toxic("blackhole", "{\"type\": \"timeout\", \"stream\": \"upstream\", \"attributes\": {\"timeout\": 0}}");
        try (Socket direct = Probe.connect(echo.address()); Socket held = Probe.connect(listen)) {
            direct.setSoTimeout(2_000);
            direct.getOutputStream().write('x');
            assertThat(direct.getInputStream().read()).isEqualTo('x');
            held.setSoTimeout(2_000);
            held.getOutputStream().write('x');
            assertThatThrownBy(() -> held.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void timeoutShouldCloseTheConnectionAfterItsTimeout() throws IOException {
        String listen = fixture.proxy("timeout", echo.address());
        fixture.toxic("timeout", "{\"type\": \"timeout\", \"attributes\": {\"timeout\": 300}}");
        try (Socket s = Probe.connect(listen)) {
            long start = System.nanoTime();
            s.getOutputStream().write('x');
            assertThat(s.getInputStream().read()).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        }
    }

    @Test
    void resetPeerShouldGiveAConnectionReset() throws IOException {
        String listen = fixture.proxy("reset", echo.address());
        fixture.toxic("reset", "{\"type\": \"reset_peer\", \"attributes\": {\"timeout\": 0}}");
        try (Socket s = Probe.connect(listen)) {
            s.getOutputStream().write('x');
            assertThatThrownBy(() -> s.getInputStream().read())
                    .isInstanceOf(SocketException.class).hasMessageContaining("reset");
        }
    }

    @Test
    void limitDataShouldCloseAfterExactlyTheLimit() throws IOException {
        try (TestUpstream sender = TestUpstream.sendOnRequest(5_000)) {
            String listen = fixture.proxy("limit", sender.address());
            fixture.toxic("limit", "{\"type\": \"limit_data\", \"attributes\": {\"bytes\": 1234}}");
            try (Socket s = Probe.connect(listen)) {
                s.getOutputStream().write('g');
                assertThat(Probe.readAll(s.getInputStream())[0]).isEqualTo(1234);
            }
        }
    }

    @Test
    void slicerShouldDeliverDataInManySmallerReads() throws IOException {
        try (TestUpstream sender = TestUpstream.sendOnRequest(2_000)) {
            String listen = fixture.proxy("slicer", sender.address());
            fixture.toxic("slicer", "{\"type\": \"slicer\", \"attributes\": {\"average_size\": 100, \"size_variation\": 20, \"delay\": 5000}}");
            try (Socket s = Probe.connect(listen)) {
                s.getOutputStream().write('g');
                int[] read = Probe.readAll(s.getInputStream());
                MEASURED.info("slicer: 2000 bytes arrived in {} reads", read[1]);
                assertThat(read[0]).isEqualTo(2_000);
                assertThat(read[1]).as("reads").isGreaterThanOrEqualTo(5);
            }
        }
    }

    @Test
    void slowCloseShouldDelayTheClose() throws IOException {
        try (TestUpstream sender = TestUpstream.sendOnRequest(3)) {
            String listen = fixture.proxy("slowclose", sender.address());
            long baseline = timeFromDataToClose(listen);
            fixture.toxic("slowclose", "{\"type\": \"slow_close\", \"attributes\": {\"delay\": 500}}");
            long delayed = timeFromDataToClose(listen);
            MEASURED.info("slow_close 500 ms: close seen {} ms after data (baseline {} ms)", delayed / 1_000_000, baseline / 1_000_000);
            assertThat(Duration.ofNanos(delayed - baseline).toMillis()).isBetween(450L, 1_500L);
        }
    }

    private static long timeFromDataToClose(String listen) throws IOException {
        try (Socket s = Probe.connect(listen)) {
            s.getOutputStream().write('g');
            assertThat(s.getInputStream().readNBytes(3)).hasSize(3);
            long start = System.nanoTime();
            assertThat(s.getInputStream().read()).isEqualTo(-1);
            return System.nanoTime() - start;
        }
    }

    @Test
    void disablingShouldRefuseNewConnectionsAndCloseOpenOnes() throws IOException {
        String listen = fixture.proxy("disable", echo.address());
        try (Socket open = Probe.connect(listen)) {
            open.getOutputStream().write('x');
            assertThat(open.getInputStream().read()).isEqualTo('x');
            assertThat(fixture.api().post("/proxies/disable", "{\"enabled\": false}").status()).isEqualTo(200);
            assertThat(open.getInputStream().read()).isEqualTo(-1);
            assertThatThrownBy(() -> Probe.connect(listen)).isInstanceOf(ConnectException.class);
        }
        assertThat(fixture.api().post("/proxies/disable", "{\"enabled\": true}").status()).isEqualTo(200);
        try (Socket again = Probe.connect(listen)) {
            again.getOutputStream().write('y');
            assertThat(again.getInputStream().read()).isEqualTo('y');
        }
    }
}
