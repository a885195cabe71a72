package dev.faultline.injector.probe;

import dev.faultline.kit.probe.HttpProbe;
import dev.faultline.kit.probe.HttpProbeClient;
import dev.faultline.kit.tracing.HttpClientSpans;
import dev.faultline.schemas.avro.ProbeSpec;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP probes through service-kit's {@link HttpProbeClient} (asynchronous: a slow or silent target never holds up
 * the next probe). Every request carries {@code x-faultline-experiment} so that the target's logs can be tagged, and
 * the W3C context of its client span.
 */
public final class HttpProber implements Prober {

    static final String EXPERIMENT_HEADER = "x-faultline-experiment";

    private final HttpProbeClient client;

    public HttpProber(HttpClientSpans spans) {
        this(new HttpProbeClient(spans));
    }

    public HttpProber(HttpProbeClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<Sample> probe(ProbeSpec spec, String experimentId) {
        String component = spec.getComponent() == null ? spec.getProbeId() : spec.getComponent();
        return client.send(HttpProbe.of(spec), Map.of(EXPERIMENT_HEADER, experimentId))
                .thenApply(answer -> Sample.of(spec.getProbeId(), component, answer));
    }
}
