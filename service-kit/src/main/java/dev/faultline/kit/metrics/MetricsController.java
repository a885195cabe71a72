package dev.faultline.kit.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * {@code GET /metrics}: every meter of the service in the Prometheus text format. A plain controller rather than
 * micronaut-micrometer's management endpoints, because an endpoint's path is its id: the {@code prometheus} endpoint
 * answers at {@code /prometheus}, and the {@code metrics} id belongs to a JSON endpoint. Both are switched off in
 * {@link dev.faultline.kit.KitDefaults}, so that {@code /metrics} is the one scrape path.
 */
@Controller("/metrics")
@Requires(beans = PrometheusMeterRegistry.class)
public class MetricsController {

    /** Prometheus text exposition format 0.0.4, which every Prometheus server reads. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get(produces = CONTENT_TYPE)
    public String scrape() {
        return registry.scrape();
    }
}
