package dev.faultline.console.live;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * One thing the console shows as it happens, read off the topics:
 * <ul>
 *   <li>{@code evidence}: a batch of samples ({@code phase}, {@code sequence}, {@code samples});</li>
 *   <li>{@code injection}: the fault applied ({@code state} STARTED, {@code from} = applied at, {@code to} = its
 *       deadline, {@code detail} = the fault), removed ({@code STOPPED}: {@code detail} = the stop reason, {@code from}
 *       and {@code to} = the fault's window) or refused ({@code REFUSED});</li>
 *   <li>{@code verdict}: the verdict ({@code state} = its outcome);</li>
 *   <li>{@code halt}: a halt requested ({@code state} = its scope, {@code detail} = the reason; no experiment for an
 *       environment's or a global halt).</li>
 * </ul>
 */
@Serdeable
public record LiveEvent(String type, @Nullable String experimentId, @Nullable String injectionId, Instant at,
                        @Nullable String state, @Nullable String detail, @Nullable Instant from, @Nullable Instant to,
                        @Nullable String phase, @Nullable Long sequence, List<Point> samples) {

    public static final String EVIDENCE = "evidence";
    public static final String INJECTION = "injection";
    public static final String VERDICT = "verdict";
    public static final String HALT = "halt";
    /** Sent to a watcher every few seconds: nothing happened, the connection is alive. */
    public static final String HEARTBEAT = "heartbeat";

    public static LiveEvent heartbeat() {
        return new LiveEvent(HEARTBEAT, null, null, Instant.now(), null, null, null, null, null, null, List.of());
    }

    /** One probe sample: when it was sent (epoch ms), how long it took, whether it met the probe's expectation. */
    @Serdeable
    public record Point(String probeId, long at, double latencyMillis, boolean ok, @Nullable Integer status) {
    }

    /** Whether it ends the run's live view (the fault is gone, or it never came). */
    public boolean ends() {
        return (INJECTION.equals(type) && !"STARTED".equals(state)) || VERDICT.equals(type);
    }
}
