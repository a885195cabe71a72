package dev.faultline.safety.baseline;

import dev.faultline.kit.probe.Exposition;
import dev.faultline.kit.probe.HttpProbe;
import dev.faultline.kit.probe.HttpProbeClient;
import dev.faultline.kit.probe.LogQuery;
import dev.faultline.kit.probe.MetricQuery;
import dev.faultline.kit.tracing.HttpClientSpans;
import dev.faultline.safety.plan.Probe;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * Whether the sources a plan's METRIC and LOG probes read are there now, read as the injector will read them: the
 * exposition answers and declares the probe's metric or shows its series ({@link MetricQuery}; a labelled counter
 * has no series before it first counts), the log file can be read and the probe's {@link LogQuery} is valid. A probe whose source is missing would leave its predictions without evidence, so the
 * preflight blocks, naming the probe and the source.
 */
public final class EvidenceSources {

    private final HttpProbeClient client;

    public EvidenceSources(HttpClientSpans spans) {
        this.client = new HttpProbeClient(spans);
    }

    /** Why {@code probe}'s source cannot be read now, or empty when it can. */
    public Optional<String> problem(Probe probe) throws InterruptedException {
        try {
            if ("METRIC".equals(probe.kind())) {
                return metric(probe);
            }
            if ("LOG".equals(probe.kind())) {
                LogQuery.of(probe.parameters());
                Path file = probe.url().startsWith("file:") ? Path.of(URI.create(probe.url())) : Path.of(probe.url());
                return Files.isReadable(file) ? Optional.empty()
                        : Optional.of(probe.probeId() + ": log source " + probe.url() + " cannot be read");
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(probe.probeId() + ": " + e.getMessage());
        }
    }

    private Optional<String> metric(Probe probe) throws InterruptedException {
        MetricQuery query = MetricQuery.of(probe.parameters());
        HttpProbe scrape = new HttpProbe(probe.url(), "GET", Map.of("accept", "text/plain"), null,
                Duration.ofMillis(Math.min(Math.max(probe.timeoutMillis(), 1), BaselineSampler.MAX_TIMEOUT.toMillis())));
        HttpProbeClient.Fetched fetched;
        try {
            fetched = client.fetch(scrape, Map.of()).get();
        } catch (ExecutionException e) {
            return Optional.of(probe.probeId() + ": metric source " + probe.url() + " cannot be scraped: " + e.getCause());
        }
        if (!fetched.answer().ok() || fetched.body() == null) {
            return Optional.of(probe.probeId() + ": metric source " + probe.url() + " cannot be scraped ("
                    + fetched.answer().problem() + ")");
        }
        try {
            Exposition exposition = Exposition.parse(fetched.body());
            if (query.declared(exposition)) {
                return Optional.empty();
            }
            query.read(exposition);
            return Optional.empty();
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.of(probe.probeId() + ": " + e.getMessage() + " at " + probe.url());
        }
    }
}
