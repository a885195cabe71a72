package dev.faultline.injector.probe;

import dev.faultline.kit.probe.Exposition;
import dev.faultline.kit.probe.HttpProbe;
import dev.faultline.kit.probe.HttpProbeClient;
import dev.faultline.kit.probe.MetricQuery;
import dev.faultline.kit.probe.MetricSource;
import dev.faultline.kit.probe.ProbeAnswer;
import dev.faultline.schemas.avro.ProbeSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * METRIC probes. By default ({@code source=scrape}) they scrape the target's Prometheus text exposition directly (no
 * Prometheus server needed); with {@code source=prometheus} they query a Prometheus server in PromQL instead
 * ({@link PromQlProber}, chosen by service-kit's {@link MetricSource}). A scrape sample is one scrape, its value what
 * the probe's {@link MetricQuery} makes of it — the series' sum now, their rate since the previous scrape, or a
 * histogram quantile of the observations in between. A scrape that fails, text that does not parse, or a series that
 * is absent gives a failed sample with no value and the reason, so that a prediction on it is INCONCLUSIVE rather
 * than silently passed.
 */
public final class MetricProber implements Prober {

    private record Previous(MetricQuery.Reading reading, Instant at) {
    }

    private final HttpProbeClient client;
    private final PromQlProber prometheus;
    private final Map<String, Previous> previous = new ConcurrentHashMap<>();

    public MetricProber(HttpProbeClient client) {
        this.client = client;
        this.prometheus = new PromQlProber(client);
    }

    @Override
    public CompletableFuture<Sample> probe(ProbeSpec spec, String experimentId) {
        String component = spec.getComponent() == null ? spec.getProbeId() : spec.getComponent();
        MetricQuery query;
        try {
            if (MetricSource.of(spec.getParameters()) == MetricSource.PROMETHEUS) {
                return prometheus.probe(spec, experimentId);
            }
            query = MetricQuery.of(spec.getParameters());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(failed(spec, component, Instant.now(), 0, null,
                    "invalid METRIC probe: " + e.getMessage()));
        }
        HttpProbe scrape = new HttpProbe(spec.getTarget(), "GET", Map.of("accept", "text/plain"), null,
                Duration.ofMillis(spec.getTimeoutMillis()));
        String key = experimentId + "/" + spec.getProbeId();
        return client.fetch(scrape, Map.of(HttpProber.EXPERIMENT_HEADER, experimentId))
                .thenApply(fetched -> sample(spec, component, query, key, fetched.answer(), fetched.body()));
    }

    @Override
    public void finished(String experimentId) {
        previous.keySet().removeIf(key -> key.startsWith(experimentId + "/"));
    }

    private Sample sample(ProbeSpec spec, String component, MetricQuery query, String key, ProbeAnswer answer,
                          String body) {
        if (!answer.ok() || body == null) {
            return failed(spec, component, answer.at(), answer.latencyMillis(), answer.status(), "scrape of "
                    + spec.getTarget() + " failed: " + (answer.error() != null ? answer.error() : "HTTP " + answer.status()));
        }
        try {
            MetricQuery.Reading now = query.read(Exposition.parse(body));
            Previous before = previous.put(key, new Previous(now, answer.at()));
            OptionalDouble value = query.value(now, before == null ? null : before.reading(),
                    before == null ? Duration.ZERO : Duration.between(before.at(), answer.at()));
            return new Sample(spec.getProbeId(), component, answer.at(), answer.latencyMillis(), answer.status(), true,
                    List.of(), null, value.isPresent() ? value.getAsDouble() : null, answer.traceId());
        } catch (IllegalArgumentException | IllegalStateException e) {
            return failed(spec, component, answer.at(), answer.latencyMillis(), answer.status(),
                    e.getMessage() + " (" + spec.getTarget() + ")");
        }
    }

    private static Sample failed(ProbeSpec spec, String component, Instant at, double latency, Integer status,
                                 String error) {
        return new Sample(spec.getProbeId(), component, at, latency, status, false, List.of(), error, null, null);
    }
}
