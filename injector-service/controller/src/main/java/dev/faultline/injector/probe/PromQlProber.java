package dev.faultline.injector.probe;

import dev.faultline.kit.probe.HttpProbeClient;
import dev.faultline.kit.probe.ProbeAnswer;
import dev.faultline.kit.probe.PromQlClient;
import dev.faultline.kit.probe.PromQuery;
import dev.faultline.kit.probe.PromResult;
import dev.faultline.schemas.avro.ProbeSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * METRIC probes with {@code source=prometheus}: each sample is one PromQL query to the Prometheus server the probe
 * targets (service-kit's {@link PromQlClient}), its value the number the answer makes ({@link PromResult}: a vector
 * summed, a range query's steps averaged). A query Prometheus refuses (its {@code errorType} and {@code error}), an
 * empty result ("no series"), NaN, an answer that is no number and a server that does not answer each give a failed
 * sample with no value and that reason, so that a prediction on it is INCONCLUSIVE with it — as a failed scrape is.
 * Nothing is kept between samples: Prometheus holds the history.
 */
final class PromQlProber implements Prober {

    private final PromQlClient prometheus;

    PromQlProber(HttpProbeClient client) {
        this.prometheus = new PromQlClient(client);
    }

    @Override
    public CompletableFuture<Sample> probe(ProbeSpec spec, String experimentId) {
        String component = spec.getComponent() == null ? spec.getProbeId() : spec.getComponent();
        PromQuery query;
        try {
            query = PromQuery.of(spec.getParameters());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Sample(spec.getProbeId(), component, Instant.now(), 0, null,
                    false, List.of(), "invalid METRIC probe: " + e.getMessage(), null, null));
        }
        return prometheus.ask(spec.getTarget(), query, Duration.ofMillis(spec.getTimeoutMillis()),
                        Map.of(HttpProber.EXPERIMENT_HEADER, experimentId))
                .thenApply(reading -> sample(spec, component, reading.answer(), reading.result()));
    }

    private static Sample sample(ProbeSpec spec, String component, ProbeAnswer answer, PromResult result) {
        return new Sample(spec.getProbeId(), component, answer.at(), answer.latencyMillis(), answer.status(),
                result.hasValue(), List.of(), result.reason(), result.value(), answer.traceId());
    }
}
