package dev.faultline.safety.baseline;

import dev.faultline.kit.probe.HttpProbe;
import dev.faultline.kit.probe.HttpProbeClient;
import dev.faultline.kit.probe.ProbeAnswer;
import dev.faultline.kit.tracing.HttpClientSpans;
import dev.faultline.safety.plan.Probe;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Sends a plan's HTTP probe a few times now, one request after the other, through service-kit's
 * {@link HttpProbeClient} — the prober the injector runs during an experiment, with its meaning of success and its
 * handling of refused headers. Each request waits at most {@link Probe#preflightTimeout()} so that a preflight stays short.
 */
public final class BaselineSampler {

    private final HttpProbeClient client;
    private final int samples;
    private final long pauseMillis;

    public BaselineSampler(int samples, long pauseMillis) {
        this(samples, pauseMillis, HttpClientSpans.disabled());
    }

    public BaselineSampler(int samples, long pauseMillis, HttpClientSpans spans) {
        this.client = new HttpProbeClient(spans);
        this.samples = samples;
        this.pauseMillis = pauseMillis;
    }

    /** The request {@code probe} sends, waiting at most {@link Probe#preflightTimeout()}. */
    public static HttpProbe request(Probe probe) {
        Duration timeout = probe.preflightTimeout();
        return new HttpProbe(probe.url(), probe.method(), probe.headers(), probe.body(), timeout);
    }

    public ProbeMeasurement measure(Probe probe) throws InterruptedException {
        HttpProbe request = request(probe);
        Map<String, String> dropped;
        try {
            dropped = client.prepare(request, Map.of()).dropped();
        } catch (IllegalArgumentException e) {
            ProbeAnswer invalid = ProbeAnswer.unanswered(Clock.systemUTC().instant(), 0,
                    "invalid probe request: " + e.getMessage());
            return new ProbeMeasurement(probe.probeId(), Collections.nCopies(samples, invalid), Map.of());
        }
        List<ProbeAnswer> answers = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            answers.add(await(client.send(request, Map.of())));
            if (pauseMillis > 0 && i < samples - 1) {
                Thread.sleep(pauseMillis);
            }
        }
        return new ProbeMeasurement(probe.probeId(), answers, dropped);
    }

    private static ProbeAnswer await(CompletableFuture<ProbeAnswer> answer) throws InterruptedException {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the probe client completed exceptionally", e.getCause());
        }
    }
}
