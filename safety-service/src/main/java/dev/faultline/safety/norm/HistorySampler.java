package dev.faultline.safety.norm;

import dev.faultline.kit.probe.HttpProbeClient;
import dev.faultline.kit.probe.ProbeAnswer;
import dev.faultline.safety.baseline.BaselineSampler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every watched HTTP probe once, all at the same time, through service-kit's {@link HttpProbeClient} (the
 * injector's prober, with its meaning of success), and records each answer in the {@link ProbeHistory}. A probe
 * that does not answer is recorded too, as a failed sample: its history's error share is part of its norm. A probe
 * of a service some experiment is injecting on is left out of the round: what a fault does is no norm.
 */
public final class HistorySampler {

    private static final Logger LOG = LoggerFactory.getLogger(HistorySampler.class);

    private final WatchedProbes watched;
    private final ProbeHistory history;
    private final HttpProbeClient client;
    private final Predicate<String> injecting;

    /** @param injecting whether an experiment is injecting on a service now (its probes are not sampled) */
    public HistorySampler(WatchedProbes watched, ProbeHistory history, HttpProbeClient client,
                          Predicate<String> injecting) {
        this.watched = watched;
        this.history = history;
        this.client = client;
        this.injecting = injecting;
    }

    /** One round: every watched probe sent once; returns when all are recorded. */
    public void sampleOnce() {
        List<CompletableFuture<Void>> rounds = watched.all().stream()
                .filter(probe -> !injecting.test(probe.key().service())).map(this::sample).toList();
        CompletableFuture.allOf(rounds.toArray(CompletableFuture[]::new)).join();
    }

    private CompletableFuture<Void> sample(WatchedProbes.Watched probe) {
        CompletableFuture<ProbeAnswer> answer;
        try {
            answer = client.send(BaselineSampler.request(probe.probe()), Map.of());
        } catch (IllegalArgumentException e) {
            LOG.warn("probe {} cannot be sent, not sampled: {}", probe.key(), e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        return answer.thenAccept(a -> history.record(probe.key(),
                new ProbeHistory.Sample(a.at(), a.latencyMillis(), a.ok()))).exceptionally(e -> {
                    LOG.warn("sample of {} not recorded: {}", probe.key(), e.toString());
                    return null;
                });
    }
}
