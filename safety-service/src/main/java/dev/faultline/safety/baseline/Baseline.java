package dev.faultline.safety.baseline;

import java.time.Instant;

/** The historical norm of one probe of one service: its error rate and p95 latency when healthy. */
public record Baseline(String service, String probeId, double errorRate, double p95Millis, long samples, Instant updatedAt) {
}
