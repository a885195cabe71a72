package dev.faultline.dataplane.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures the latency a proxy adds, robustly on a loaded machine: round trips through a
 * clean proxy and through the faulted one are interleaved (so both see the same load), and
 * the machine's own timer lateness — how late a sleep of the configured latency wakes up — is
 * measured in the same loop. A toxic can never be early, and can be late by no more than
 * the timers of the machine it runs on.
 */
public final class LatencyProbe {

    /** Medians of the samples, in ms: through the clean proxy, through the faulted one, and timer lateness. */
    public record Sample(double cleanMs, double faultedMs, double timerLatenessMs) {
        public double addedMs() {
            return faultedMs - cleanMs;
        }
    }

    private LatencyProbe() {
    }

    /** Samples {@code rounds} round trips on one connection through each proxy (echo upstream). */
    public static Sample sample(String clean, String faulted, Duration configured, int rounds) throws IOException {
        long[] cleanNs = new long[rounds];
        long[] faultedNs = new long[rounds];
        long[] latenessNs = new long[rounds];
        try (Socket c = Probe.connect(clean); Socket f = Probe.connect(faulted)) {
            for (int i = 0; i < rounds; i++) {
                cleanNs[i] = roundTrip(c);
                faultedNs[i] = roundTrip(f);
                long start = System.nanoTime();
                LockSupport.parkNanos(configured.toNanos());
                latenessNs[i] = Math.max(0, System.nanoTime() - start - configured.toNanos());
            }
        }
        return new Sample(medianMs(cleanNs), medianMs(faultedNs), medianMs(latenessNs));
    }

    /** Asserts the added latency is within -10% and +10% (plus the measured timer lateness) of the configured one. */
    public static void assertAdded(Sample sample, Duration configured) {
        double expected = configured.toMillis();
        assertThat(sample.addedMs())
                .as("added latency (clean %.2f ms, faulted %.2f ms, timer lateness %.2f ms)",
                        sample.cleanMs(), sample.faultedMs(), sample.timerLatenessMs())
                .isBetween(expected * 0.9, expected * 1.1 + sample.timerLatenessMs());
    }

    private static long roundTrip(Socket s) throws IOException {
        long start = System.nanoTime();
        s.getOutputStream().write('p');
        if (s.getInputStream().read() != 'p') {
            throw new IOException("echo broke");
        }
        return System.nanoTime() - start;
    }

    private static double medianMs(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }
}
