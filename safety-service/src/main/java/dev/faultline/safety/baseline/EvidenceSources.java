package dev.faultline.safety.baseline;

import dev.faultline.kit.probe.Exposition;
import dev.faultline.kit.probe.HttpProbe;
import dev.faultline.kit.probe.HttpProbeClient;
import dev.faultline.kit.probe.LogQuery;
import dev.faultline.kit.probe.MetricQuery;
import dev.faultline.kit.probe.MetricSource;
import dev.faultline.kit.probe.PromQlClient;
import dev.faultline.kit.probe.PromQuery;
import dev.faultline.kit.probe.PromResult;
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
 * has no series before it first counts), the Prometheus server of a PromQL probe answers its query
 * ({@link PromQlClient}), the log file can be read and the probe's {@link LogQuery} is valid. A probe whose source is
 * missing would leave its predictions without evidence, so the preflight blocks, naming the probe and the source.
 * For a PromQL probe that means a server that does not answer, a query Prometheus refuses (a syntax error is
 * {@code bad_data}; its own message is quoted) or an answer that can never be a number; an empty result or NaN does
 * not block — PromQL cannot tell an absent metric from a labelled series that appears only once the fault makes it
 * count (the demo's stale cache lookups), so such a probe is read and reported "no series" during the run instead.
 */
public final class EvidenceSources {

    private final HttpProbeClient client;
    private final PromQlClient prometheus;

    public EvidenceSources(HttpClientSpans spans) {
        this.client = new HttpProbeClient(spans);
        this.prometheus = new PromQlClient(client);
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
        Duration timeout = probe.preflightTimeout();
        if (MetricSource.of(probe.parameters()) == MetricSource.PROMETHEUS) {
            return prometheus(probe, PromQuery.of(probe.parameters()), timeout);
        }
        MetricQuery query = MetricQuery.of(probe.parameters());
        HttpProbe scrape = new HttpProbe(probe.url(), "GET", Map.of("accept", "text/plain"), null, timeout);
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

    private Optional<String> prometheus(Probe probe, PromQuery query, Duration timeout) throws InterruptedException {
        PromResult result;
        try {
            result = prometheus.ask(probe.url(), query, timeout, Map.of()).get().result();
        } catch (ExecutionException e) {
            return Optional.of(probe.probeId() + ": Prometheus at " + probe.url() + " cannot be asked: " + e.getCause());
        }
        return switch (result.status()) {
            case VALUE, NO_SERIES, NAN -> Optional.empty();
            case REFUSED, UNREACHABLE, UNUSABLE -> Optional.of(probe.probeId() + ": " + result.reason());
        };
    }
}
