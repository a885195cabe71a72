package dev.faultline.cli.e2e;

import dev.faultline.cli.stack.DataPlaneAdmin;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches one data-plane proxy from the outside every 100 ms, as an operator would: when its toxics were last seen and
 * first seen gone afterwards. A poll that fails (the data plane down or restarting) tells nothing and is skipped.
 */
final class FaultWatch implements AutoCloseable {

    private final DataPlaneAdmin dataplane;
    private final String proxy;
    private final Thread poller;
    private volatile boolean running = true;
    private volatile Instant lastSeen;
    private volatile Instant goneAt;

    FaultWatch(DataPlaneAdmin dataplane, String proxy) {
        this.dataplane = dataplane;
        this.proxy = proxy;
        this.poller = new Thread(this::pollLoop, "fault-watch-" + proxy);
        poller.setDaemon(true);
        poller.start();
    }

    private void pollLoop() {
        while (running) {
            try {
                boolean present = !dataplane.toxics(proxy).isEmpty();
                Instant now = Instant.now();
                if (present) {
                    lastSeen = now;
                    goneAt = null;
                } else if (lastSeen != null && goneAt == null) {
                    goneAt = now;
                }
            } catch (RuntimeException e) {
                // down or restarting: no observation
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    boolean seen() {
        return lastSeen != null;
    }

    /** When the proxy was first seen without toxics after it had some. */
    Optional<Instant> goneAt() {
        return Optional.ofNullable(goneAt);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join(2_000);
    }
}
