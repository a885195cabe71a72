package dev.faultline.demo.metrics;

import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The demo processes' latency histograms on the Prometheus client: seconds, classic buckets only
 * (what the text format and a plain Prometheus server read), dense around the pricing timeout
 * (1.2 s) the example experiment is about.
 */
public final class Latency {

    /** Upper bounds in seconds, 5 ms … 5 s. */
    public static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.8, 1.0, 1.25, 1.5, 2.5, 5.0};

    private Latency() {
    }

    /** Registers a latency histogram named {@code name} (ending in {@code _seconds}) in {@code registry}. */
    public static Histogram histogram(PrometheusRegistry registry, String name, String help, String... labelNames) {
        return Histogram.builder().name(name).help(help).labelNames(labelNames)
                .classicOnly().classicUpperBounds(BUCKETS).withoutExemplars()
                .register(registry);
    }
}
