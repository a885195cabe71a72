package dev.faultline.kit.probe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Asks a Prometheus server a {@link PromQuery} now — {@code GET /api/v1/query?query=…&time=now}, or
 * {@code /api/v1/query_range} over the range ending now — and reads the JSON answer into a {@link PromResult}. The
 * request goes through {@link HttpProbeClient} (the one prober: timeout, client span, W3C context, latency), so a
 * PromQL sample is timed and traced like a scrape. Hand-written on purpose: Prometheus publishes no Java client for
 * its query API (its Java client library only exposes metrics), and the API is small, documented JSON over HTTP
 * that the JDK client and Jackson read directly.
 */
public final class PromQlClient {

    /** What one query got: the HTTP exchange (when, how long, status, trace) and what its answer means. */
    public record Reading(ProbeAnswer answer, PromResult result) {
    }

    private final HttpProbeClient client;
    private final Clock clock;

    public PromQlClient(HttpProbeClient client) {
        this(client, Clock.systemUTC());
    }

    public PromQlClient(HttpProbeClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /**
     * Sends {@code query} to the Prometheus server at {@code server} (its base URL); the future never completes
     * exceptionally — no answer is a {@link PromResult.Status#UNREACHABLE} result.
     */
    public CompletableFuture<Reading> ask(String server, PromQuery query, Duration timeout,
                                          Map<String, String> extraHeaders) {
        Instant at = clock.instant();
        HttpProbe request = new HttpProbe(query.url(server, at), "GET", Map.of("accept", "application/json"), null,
                timeout);
        return client.fetch(request, extraHeaders).thenApply(fetched -> {
            ProbeAnswer answer = fetched.answer();
            PromResult result = answer.hasAnswer()
                    ? PromResult.read(query, server, answer.status(), fetched.body())
                    : PromResult.unreachable(query, server, answer.error());
            return new Reading(answer, result);
        });
    }
}
