package dev.faultline.injector.probe;

import dev.faultline.kit.probe.HttpProbeClient;
import dev.faultline.kit.tracing.HttpClientSpans;
import dev.faultline.schemas.avro.ProbeKind;
import dev.faultline.schemas.avro.ProbeSpec;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The injector's {@link Prober}: each probe goes to the prober of its kind — HTTP requests ({@link HttpProber}), a
 * scrape of the target's metrics or a PromQL query to a Prometheus server ({@link MetricProber}), lines of its log
 * ({@link LogProber}).
 */
@Singleton
public class Probers implements Prober {

    private final ExecutorService io = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "log-probes");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<ProbeKind, Prober> byKind;

    public Probers(HttpClientSpans spans) {
        HttpProbeClient client = new HttpProbeClient(spans);
        this.byKind = Map.of(ProbeKind.HTTP, new HttpProber(client), ProbeKind.METRIC, new MetricProber(client),
                ProbeKind.LOG, new LogProber(io, Clock.systemUTC()));
    }

    @Override
    public CompletableFuture<Sample> probe(ProbeSpec spec, String experimentId) {
        Prober prober = byKind.get(spec.getKind());
        if (prober == null) {
            return CompletableFuture.completedFuture(new Sample(spec.getProbeId(), spec.getProbeId(),
                    Instant.now(), 0, null, false, List.of(), "probe kind " + spec.getKind()
                    + " is not supported"));
        }
        return prober.probe(spec, experimentId);
    }

    @Override
    public boolean runs(ProbeKind kind) {
        return byKind.containsKey(kind);
    }

    @Override
    public void finished(String experimentId) {
        byKind.values().forEach(prober -> prober.finished(experimentId));
    }

    @PreDestroy
    void close() {
        io.shutdownNow();
    }
}
