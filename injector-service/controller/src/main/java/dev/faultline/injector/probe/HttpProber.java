package dev.faultline.injector.probe;

import dev.faultline.schemas.avro.ProbeSpec;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP probes with the JDK's asynchronous client: a slow or silent target never holds up the next probe. A POST
 * probe whose request headers contain {@code x-faultline-body} sends that value as its body (ProbeSpec has no body
 * field); every request carries {@code x-faultline-experiment} so that the target's logs can be tagged.
 */
@Singleton
public class HttpProber implements Prober {

    static final String BODY_HEADER = "x-faultline-body";
    static final String EXPERIMENT_HEADER = "x-faultline-experiment";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Clock clock = Clock.systemUTC();

    @Override
    public CompletableFuture<Sample> probe(ProbeSpec spec, String experimentId) {
        Instant at = clock.instant();
        long start = System.nanoTime();
        String component = spec.getComponent() == null ? spec.getProbeId() : spec.getComponent();
        try {
            return http.sendAsync(request(spec, experimentId), HttpResponse.BodyHandlers.discarding())
                    .handle((response, error) -> {
                        double latency = (System.nanoTime() - start) / 1_000_000.0;
                        if (error != null) {
                            Throwable cause = error.getCause() != null ? error.getCause() : error;
                            return new Sample(spec.getProbeId(), component, at, latency, null, false, List.of(), describe(cause));
                        }
                        int status = response.statusCode();
                        List<String> headers = response.headers().map().keySet().stream().filter(h -> !h.startsWith(":")).toList();
                        return new Sample(spec.getProbeId(), component, at, latency, status, status >= 200 && status < 400,
                                headers, null);
                    });
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Sample(spec.getProbeId(), component, at, 0, null, false, List.of(),
                    "cannot send probe: " + e.getMessage()));
        }
    }

    private static HttpRequest request(ProbeSpec spec, String experimentId) {
        String method = spec.getMethod() == null ? "GET" : spec.getMethod().toUpperCase();
        Map<String, String> headers = spec.getRequestHeaders() == null ? Map.of() : spec.getRequestHeaders();
        String body = headers.get(BODY_HEADER);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(spec.getTarget()))
                .timeout(Duration.ofMillis(Math.max(1, spec.getTimeoutMillis())))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase(BODY_HEADER)) {
                builder.header(name, value);
            }
        });
        return builder.header(EXPERIMENT_HEADER, experimentId).build();
    }

    private static String describe(Throwable error) {
        String name = error.getClass().getSimpleName();
        return error.getMessage() == null ? name : name + ": " + error.getMessage();
    }
}
