package dev.faultline.dataplane.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.dataplane.DataPlaneConfig;
import dev.faultline.dataplane.support.DataPlaneFixture;
import dev.faultline.dataplane.support.Probe;
import dev.faultline.dataplane.support.TestUpstream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay path with no toxic, over real loopback sockets: pooled buffers reused from one
 * connection to the next never mix their bytes, writes flushed once per read burst arrive
 * whole, a toxic added after bulk data has gone through still applies, and a client that
 * stops reading holds the upstream back (the socket queue's water marks) instead of the proxy
 * buffering without bound.
 */
class RelayPathIT {

    private static final Logger MEASURED = LoggerFactory.getLogger("measurement");

    private static DataPlaneFixture fixture;
    private static TestUpstream echo;

    @BeforeAll
    static void start() throws IOException {
        // one event loop: every connection shares one thread's buffer caches, the harshest case for reuse
        fixture = new DataPlaneFixture(new DataPlaneConfig("127.0.0.1", 0, DataPlaneConfig.DEFAULT_LEASE,
                Duration.ofMillis(200), 1, DataPlaneConfig.DEFAULT_SPIN, Clock.systemUTC(), new Random()));
        echo = TestUpstream.echo();
    }

    @AfterAll
    static void stop() throws IOException {
        fixture.close();
        echo.close();
    }

    @Test
    void shouldKeepEachConnectionsBytesApartWhileBuffersAreReused() throws Exception {
        String listen = fixture.proxy("integrity", echo.address());
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            // three waves of 16 connections, each echoing 2 MiB of its own pseudo-random bytes in odd-sized writes
            for (int wave = 0; wave < 3; wave++) {
                List<Future<Boolean>> echoed = new ArrayList<>();
                for (int c = 0; c < 16; c++) {
                    long seed = wave * 100L + c;
                    echoed.add(pool.submit(() -> echoesIntact(listen, seed, 2 * 1024 * 1024)));
                }
                for (Future<Boolean> result : echoed) {
                    assertThat(result.get(60, TimeUnit.SECONDS)).as("every byte came back, in order").isTrue();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean echoesIntact(String listen, long seed, int size) throws Exception {
        byte[] sent = new byte[size];
        new SplittableRandom(seed).nextBytes(sent);
        try (Socket s = Probe.connect(listen)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            Thread writer = new Thread(() -> {
                SplittableRandom sizes = new SplittableRandom(seed);
                try {
                    for (int off = 0; off < size; ) {
                        int n = Math.min(size - off, 1 + sizes.nextInt(70_000));
                        out.write(sent, off, n);
                        off += n;
                    }
                } catch (IOException e) {
                    // the reader fails the comparison
                }
            });
            writer.start();
            byte[] received = new Reads(s.getInputStream()).readExactly(size);
            writer.join(30_000);
            return Arrays.equals(sent, received);
        }
    }

    /** Reads exactly n bytes (or what came before EOF). */
    private record Reads(InputStream in) {
        byte[] readExactly(int n) throws IOException {
            byte[] buffer = new byte[n];
            int off = 0;
            while (off < n) {
                int r = in.read(buffer, off, n - off);
                if (r < 0) {
                    return Arrays.copyOf(buffer, off);
                }
                off += r;
            }
            return buffer;
        }
    }

    @Test
    void aToxicAddedAfterBulkDataShouldStillApply() throws Exception {
        String listen = fixture.proxy("late-after-bulk", echo.address());
        try (Socket s = Probe.connect(listen)) {
            s.setSoTimeout(20_000);
            // 32 MiB through the toxic-free path first: enough to fill the socket queues and flip writability
            assertThat(echoesIntactOn(s, 7, 32 * 1024 * 1024)).isTrue();
            fixture.toxic("late-after-bulk", "{\"type\": \"latency\", \"attributes\": {\"latency\": 400}}");
            assertThat(roundTripMs(s)).isGreaterThanOrEqualTo(360L);
            assertThat(fixture.api().delete("/proxies/late-after-bulk/toxics/latency_downstream").status()).isEqualTo(204);
            assertThat(roundTripMs(s)).isLessThan(300L);
            assertThat(echoesIntactOn(s, 8, 4 * 1024 * 1024)).isTrue();
        }
    }

    private static boolean echoesIntactOn(Socket s, long seed, int size) throws Exception {
        byte[] sent = new byte[size];
        new SplittableRandom(seed).nextBytes(sent);
        Thread writer = new Thread(() -> {
            try {
                s.getOutputStream().write(sent);
            } catch (IOException e) {
                // the reader fails the comparison
            }
        });
        writer.start();
        byte[] received = new Reads(s.getInputStream()).readExactly(size);
        writer.join(30_000);
        return Arrays.equals(sent, received);
    }

    private static long roundTripMs(Socket s) throws IOException {
        long start = System.nanoTime();
        s.getOutputStream().write('r');
        assertThat(s.getInputStream().read()).isEqualTo('r');
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    @Test
    void aClientThatDoesNotReadShouldHoldTheUpstreamBack() throws Exception {
        AtomicLong written = new AtomicLong();
        try (TestUpstream firehose = TestUpstream.firehose(written)) {
            String listen = fixture.proxy("not-reading", firehose.address());
            try (Socket s = Probe.connect(listen)) {
                AtomicLong seen = new AtomicLong(-1);
                Awaitility.await().pollInterval(Duration.ofMillis(500)).atMost(Duration.ofSeconds(20))
                        .until(() -> written.get() > 0 && written.get() == seen.getAndSet(written.get()));
                MEASURED.info("a client that does not read: the upstream got {} KB out before it was held", written.get() / 1024);
                // 1 MiB queued on the client socket + loopback socket buffers; unbounded would be gigabytes in seconds
                assertThat(written.get()).isLessThan(24L * 1024 * 1024);
                // and what was held back is all delivered, in order, once the client reads
                s.setSoTimeout(20_000);
                byte[] some = new Reads(s.getInputStream()).readExactly(8 * 1024 * 1024);
                assertThat(some).hasSize(8 * 1024 * 1024);
            }
        }
    }
}
