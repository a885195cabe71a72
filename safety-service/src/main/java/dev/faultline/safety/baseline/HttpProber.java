package dev.faultline.safety.baseline;

import dev.faultline.safety.plan.Probe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends a plan's HTTP probe a few times now and measures status and latency. A POST probe's body travels in the
 * {@code x-faultline-body} request header of the plan, which is sent as the body and never as a header (the
 * injector's prober does the same). A status ≥ 500 or no answer counts as an error.
 */
public final class HttpProber {

    private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "expect", "upgrade");
    private static final long MAX_TIMEOUT_MILLIS = 3_000;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final int samples;
    private final long pauseMillis;

    public HttpProber(int samples, long pauseMillis) {
        this.samples = samples;
        this.pauseMillis = pauseMillis;
    }

    public ProbeMeasurement measure(Probe probe) throws InterruptedException {
        HttpRequest request;
        try {
            request = request(probe);
        } catch (IllegalArgumentException e) {
            return new ProbeMeasurement(probe.probeId(), samples, samples, samples, 0, "invalid probe request: " + e.getMessage());
        }
        List<Double> latencies = new ArrayList<>();
        int errors = 0;
        int unreachable = 0;
        String problem = null;
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            try {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                latencies.add((System.nanoTime() - start) / 1_000_000.0);
                if (response.statusCode() >= 500) {
                    errors++;
                    problem = "status " + response.statusCode();
                }
            } catch (IOException e) {
                errors++;
                unreachable++;
                problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (pauseMillis > 0 && i < samples - 1) {
                Thread.sleep(pauseMillis);
            }
        }
        return new ProbeMeasurement(probe.probeId(), samples, errors, unreachable, ProbeMeasurement.p95(latencies), problem);
    }

    private static HttpRequest request(Probe probe) {
        long timeout = Math.min(Math.max(probe.timeoutMillis(), 1), MAX_TIMEOUT_MILLIS);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(probe.url())).timeout(Duration.ofMillis(timeout));
        String body = null;
        for (Map.Entry<String, String> header : probe.headers().entrySet()) {
            String name = header.getKey().toLowerCase();
            if (name.equals(Probe.BODY_HEADER)) {
                body = header.getValue();
            } else if (!RESTRICTED.contains(name)) {
                builder.header(header.getKey(), header.getValue());
            }
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return builder.method(probe.method().toUpperCase(), publisher).build();
    }
}
