package dev.faultline.dataplane.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.dataplane.DataPlaneConfig;
import dev.faultline.dataplane.support.DataPlaneFixture;
import dev.faultline.dataplane.support.Probe;
import dev.faultline.dataplane.support.TestUpstream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Toxicity is the share of connections a toxic affects: over 400 real connections, a
 * reset_peer with toxicity 0.3 resets 30% ± 5% of them, and the others echo normally.
 * The draws are seeded so the run is repeatable; the effects are counted on the sockets.
 */
class ToxicityIT {

    private static final Logger MEASURED = LoggerFactory.getLogger("measurement");
    private static final int CONNECTIONS = 400;

    @Test
    void shouldAffectTheConfiguredShareOfConnections() throws Exception {
        try (DataPlaneFixture fixture = new DataPlaneFixture(DataPlaneConfig.defaults().withRandom(new SplittableRandom(20261126)));
             TestUpstream echo = TestUpstream.echo()) {
            String listen = fixture.proxy("share", echo.address());
            fixture.toxic("share", "{\"type\": \"reset_peer\", \"toxicity\": 0.3, \"attributes\": {\"timeout\": 0}}");
            ExecutorService clients = Executors.newFixedThreadPool(16);
            try {
                List<Future<Boolean>> outcomes = new ArrayList<>();
                for (int i = 0; i < CONNECTIONS; i++) {
                    outcomes.add(clients.submit(() -> wasReset(listen)));
                }
                int reset = 0;
                for (Future<Boolean> outcome : outcomes) {
                    reset += outcome.get() ? 1 : 0;
                }
                double share = reset / (double) CONNECTIONS;
                MEASURED.info("toxicity 0.3: {} of {} connections reset ({})", reset, CONNECTIONS, share);
                assertThat(share).isBetween(0.25, 0.35);
            } finally {
                clients.shutdownNow();
            }
        }
    }

    /** True when the connection was reset, false when it echoed; anything else fails the test. */
    private static boolean wasReset(String listen) throws IOException {
        try (Socket s = Probe.connect(listen)) {
            s.getOutputStream().write('x');
            int echoed = s.getInputStream().read();
            if (echoed != 'x') {
                throw new AssertionError("connection neither echoed nor was reset: read " + echoed);
            }
            return false;
        } catch (SocketException e) {
            if (String.valueOf(e.getMessage()).toLowerCase().contains("reset")) {
                return true;
            }
            throw e;
        }
    }
}
