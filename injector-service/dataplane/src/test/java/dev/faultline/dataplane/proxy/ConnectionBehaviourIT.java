package dev.faultline.dataplane.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.dataplane.DataPlaneConfig;
import dev.faultline.dataplane.support.DataPlaneFixture;
import dev.faultline.dataplane.support.LatencyProbe;
import dev.faultline.dataplane.support.Probe;
import dev.faultline.dataplane.support.TestUpstream;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How proxied connections behave as toxics change around them, over real loopback sockets:
 * toxics added or updated reach open connections, toxics stack in creation order, a slow
 * toxic pushes back on the sender instead of buffering, and a half-close is relayed.
 */
class ConnectionBehaviourIT {

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
    void shouldRelayAHalfCloseAndTheAnswerAfterIt() throws IOException {
        String listen = fixture.proxy("halfclose", echo.address());
        try (Socket s = Probe.connect(listen)) {
            s.getOutputStream().write("last words".getBytes());
            s.shutdownOutput();
            assertThat(s.getInputStream().readAllBytes()).isEqualTo("last words".getBytes());
        }
    }

    @Test
    void aToxicAddedLaterShouldReachAnAlreadyOpenConnection() throws IOException {
        String listen = fixture.proxy("late", echo.address());
        try (Socket s = Probe.connect(listen)) {
            s.setSoTimeout(20_000);
            roundTrip(s);
            fixture.toxic("late", "{\"type\": \"latency\", \"attributes\": {\"latency\": 400}}");
            // this test is about reach (precision is the latency test's): the open connection now waits
            assertThat(roundTrip(s)).isGreaterThanOrEqualTo(360L);
            assertThat(fixture.api().delete("/proxies/late/toxics/latency_downstream").status()).isEqualTo(204);
            assertThat(roundTrip(s)).isLessThan(300L);
        }
    }

    @Test
    void anUpdatedToxicShouldReachAnAlreadyOpenConnection() throws IOException {
        String listen = fixture.proxy("updated", echo.address());
        fixture.toxic("updated", "{\"name\": \"lag\", \"type\": \"latency\", \"attributes\": {\"latency\": 50}}");
        try (Socket s = Probe.connect(listen)) {
            assertThat(roundTrip(s)).isGreaterThanOrEqualTo(45L).isLessThan(300L);
            assertThat(fixture.api().post("/proxies/updated/toxics/lag", "{\"attributes\": {\"latency\": 400}}").status()).isEqualTo(200);
            assertThat(roundTrip(s)).isGreaterThanOrEqualTo(360L);
        }
    }

    private static long roundTrip(Socket s) throws IOException {
        long start = System.nanoTime();
        s.getOutputStream().write('r');
        assertThat(s.getInputStream().read()).isEqualTo('r');
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    @Test
    void aSlowToxicShouldPushBackOnTheSenderInsteadOfBuffering() throws Exception {
        try (TestUpstream sink = TestUpstream.discard()) {
            String listen = fixture.proxy("pushback", sink.address());
            fixture.toxic("pushback", "{\"type\": \"bandwidth\", \"stream\": \"upstream\", \"attributes\": {\"rate\": 10}}");
            try (Socket s = Probe.connect(listen)) {
                java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
                Thread writer = new Thread(() -> {
                    byte[] chunk = new byte[64 * 1024];
                    try {
                        for (int i = 0; i < 1024; i++) { // 64 MB if nothing pushed back
                            s.getOutputStream().write(chunk);
                            written.addAndGet(chunk.length);
                        }
                    } catch (IOException closed) {
                        // the test closed the socket
                    }
                });
                writer.setDaemon(true);
                writer.start();
                // the sender is held back once its writes stop advancing (or it wrote everything: no back-pressure)
                java.util.concurrent.atomic.AtomicLong seen = new java.util.concurrent.atomic.AtomicLong(-1);
                org.awaitility.Awaitility.await().pollInterval(Duration.ofMillis(500)).atMost(Duration.ofSeconds(20))
                        .until(() -> written.get() > 0 && written.get() == seen.getAndSet(written.get()));
                MEASURED.info("bandwidth 10 KB/s upstream: the sender got {} KB out before it was held", written.get() / 1024);
                // 1 MiB proxy backlog + loopback socket buffers; without back-pressure all 64 MB go in well under 2 s
                assertThat(written.get()).isLessThan(24L * 1024 * 1024);
            }
        }
    }

    @Test
    void toxicsShouldStackInCreationOrder() throws IOException {
        String clean = fixture.proxy("stack-clean", echo.address());
        String stacked = fixture.proxy("stack", echo.address());
        fixture.toxic("stack", "{\"name\": \"one\", \"type\": \"latency\", \"attributes\": {\"latency\": 150}}");
        fixture.toxic("stack", "{\"name\": \"two\", \"type\": \"latency\", \"stream\": \"upstream\", \"attributes\": {\"latency\": 150}}");
        LatencyProbe.Sample sample = LatencyProbe.sample(clean, stacked, Duration.ofMillis(150), 7);
        // two timer waits per round trip, so twice the machine's timer lateness is allowed
        assertThat(sample.addedMs()).as(sample.toString()).isBetween(270.0, 330.0 + 2 * sample.timerLatenessMs());
        assertThat(fixture.api().get("/proxies/stack/toxics").json().findValuesAsText("name")).containsExactly("one", "two");
    }
}
