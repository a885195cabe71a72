package dev.faultline.dataplane.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.netty.handler.codec.http.HttpRequest;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * {@code delay}: holds the request for {@code delay_ms} plus a uniform jitter in
 * [-{@code jitter_ms}, +{@code jitter_ms}] (never below zero), then forwards it untouched.
 * Requests pipelined behind it on the same connection wait too (HTTP/1.1 answers in order).
 *
 * @param delayMs  delay in milliseconds, 0..600000 (default 0)
 * @param jitterMs variation in milliseconds, 0..delay_ms (default 0)
 */
public record DelayAction(@JsonProperty("delay_ms") long delayMs, @JsonProperty("jitter_ms") long jitterMs) implements HttpAction {

    static final long MAX_MS = 600_000;

    public DelayAction {
        if (delayMs < 0 || delayMs > MAX_MS) {
            throw new IllegalArgumentException("attribute 'delay_ms' must be from 0 to " + MAX_MS + " ms, was " + delayMs);
        }
        if (jitterMs < 0 || jitterMs > delayMs) {
            throw new IllegalArgumentException("attribute 'jitter_ms' must be from 0 to delay_ms (" + delayMs + ") ms, was " + jitterMs);
        }
    }

    @Override
    public Outcome apply(HttpRequest request, RandomGenerator random) {
        long ms = delayMs;
        if (jitterMs > 0) {
            ms += random.nextLong(-jitterMs, jitterMs + 1);
        }
        return new Outcome.Forward(TimeUnit.MILLISECONDS.toNanos(Math.max(0, ms)), ResponseRewrite.NONE);
    }
}
