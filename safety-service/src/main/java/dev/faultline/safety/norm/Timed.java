package dev.faultline.safety.norm;

import java.time.Instant;

/** One past value of a probe: a request's latency in milliseconds, or a PromQL query's value at one step. */
public record Timed(Instant at, double value) {
}
