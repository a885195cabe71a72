package dev.faultline.kit.probe;

import dev.faultline.kit.tracing.HttpClientSpans.ClientSpan;
import dev.faultline.kit.tracing.HttpClientSpans;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP prober of safety-service and injector-service: builds a probe's request, sends it with the JDK's
 * asynchronous client (HTTP/1.1, 2 s to connect) and turns the outcome into a {@link ProbeAnswer}. A request header
 * the JDK client refuses (host, connection, content-length, expect, upgrade, or a malformed name or value) is not
 * sent: it is dropped with the client's reason, logged once per probe URL and header, and listed by {@link #prepare}.
 * Each probe is a client span ({@link HttpClientSpans}) whose W3C context the request carries; the answer names
 * its trace.
 */
public final class HttpProbeClient {

    private static final Logger LOG = LoggerFactory.getLogger(HttpProbeClient.class);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Clock clock;
    private final HttpClientSpans spans;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    public HttpProbeClient() {
        this(Clock.systemUTC(), HttpClientSpans.disabled());
    }

    /** @param spans each probe is a client span, its trace context sent with the request */
    public HttpProbeClient(HttpClientSpans spans) {
        this(Clock.systemUTC(), spans);
    }

    public HttpProbeClient(Clock clock, HttpClientSpans spans) {
        this.clock = clock;
        this.spans = spans;
    }

    /** A probe's request ready to send, and the headers left out of it with the reason for each. */
    public record Prepared(HttpRequest request, Map<String, String> dropped) {
    }

    /**
     * Builds the request of {@code probe} plus {@code extraHeaders} (sent after the probe's own).
     *
     * @throws IllegalArgumentException when the URL or method cannot make a request
     */
    public Prepared prepare(HttpProbe probe, Map<String, String> extraHeaders) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(probe.url())).timeout(probe.timeout())
                .method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(probe.body()));
        Map<String, String> dropped = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>(probe.headers());
        headers.putAll(extraHeaders);
        headers.forEach((name, value) -> {
            try {
                builder.header(name, value);
            } catch (IllegalArgumentException e) {
                dropped.put(name, e.getMessage());
            }
        });
        return new Prepared(builder.build(), dropped);
    }

    /** An answer with its body (a metrics scrape); the body is null when there was no answer. */
    public record Fetched(ProbeAnswer answer, String body) {
    }

    /** Sends one probe request; the future never completes exceptionally and never blocks the caller. */
    public CompletableFuture<ProbeAnswer> send(HttpProbe probe, Map<String, String> extraHeaders) {
        return exchange(probe, extraHeaders, HttpResponse.BodyHandlers.discarding()).thenApply(Fetched::answer);
    }

    /** As {@link #send}, keeping the response body as text. */
    public CompletableFuture<Fetched> fetch(HttpProbe probe, Map<String, String> extraHeaders) {
        return exchange(probe, extraHeaders, HttpResponse.BodyHandlers.ofString());
    }

    private <T> CompletableFuture<Fetched> exchange(HttpProbe probe, Map<String, String> extraHeaders,
                                                    HttpResponse.BodyHandler<T> body) {
        Instant at = clock.instant();
        long start = System.nanoTime();
        Prepared prepared;
        try {
            prepared = prepare(probe, extraHeaders);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Fetched(
                    ProbeAnswer.unanswered(at, 0, "invalid probe request: " + describe(e)), null));
        }
        prepared.dropped().forEach((name, reason) -> warnOnce(probe, name, reason));
        ClientSpan span = spans.start(prepared.request().method(), prepared.request().uri());
        HttpRequest request = withHeaders(prepared.request(), span.headers());
        String trace = span.span().getSpanContext().isValid() ? span.span().getSpanContext().getTraceId() : null;
        try {
            return http.sendAsync(request, body)
                    .handle((response, error) -> {
                        double latency = (System.nanoTime() - start) / 1_000_000.0;
                        if (error != null) {
                            Throwable cause = error.getCause() != null ? error.getCause() : error;
                            span.end(null, cause);
                            return new Fetched(ProbeAnswer.unanswered(at, latency, describe(cause)).tracedIn(trace), null);
                        }
                        span.end(response.statusCode(), null);
                        Object text = response.body();
                        return new Fetched(ProbeAnswer.answered(at, latency, response.statusCode(), headerNames(response))
                                .tracedIn(trace), text instanceof String string ? string : null);
                    });
        } catch (RuntimeException e) {
            span.end(null, e);
            return CompletableFuture.completedFuture(new Fetched(ProbeAnswer.unanswered(at,
                    (System.nanoTime() - start) / 1_000_000.0, "cannot send probe: " + describe(e)), null));
        }
    }

    private static HttpRequest withHeaders(HttpRequest request, Map<String, String> headers) {
        if (headers.isEmpty()) {
            return request;
        }
        HttpRequest.Builder copy = HttpRequest.newBuilder(request, (name, value) -> true);
        headers.forEach(copy::setHeader);
        return copy.build();
    }

    private static List<String> headerNames(HttpResponse<?> response) {
        return response.headers().map().keySet().stream().filter(h -> !h.startsWith(":"))
                .map(h -> h.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    private void warnOnce(HttpProbe probe, String header, String reason) {
        if (warned.add(probe.url() + " " + header.toLowerCase(Locale.ROOT))) {
            LOG.warn("probe {} {}: request header '{}' dropped, the JDK HTTP client refuses it ({})", probe.method(),
                    probe.url(), header, reason);
        }
    }

    private static String describe(Throwable error) {
        String name = error.getClass().getSimpleName();
        return error.getMessage() == null ? name : name + ": " + error.getMessage();
    }
}
