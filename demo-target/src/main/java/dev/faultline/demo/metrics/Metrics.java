package dev.faultline.demo.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The metrics of one demo process, rendered in the Prometheus text exposition format for
 * {@code GET /metrics}. Families are written in the order they were registered.
 */
public final class Metrics {

    /** Latency buckets in seconds, dense around the pricing timeout (1.2 s) the demo is about. */
    public static final double[] LATENCY_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.8, 1.0, 1.25, 1.5, 2.5, 5.0};

    private final List<MetricFamily> families = new ArrayList<>();

    public synchronized Counter counter(String name, String help, String... labelNames) {
        return register(new Counter(name, help, List.of(labelNames)));
    }

    public synchronized Histogram histogram(String name, String help, double[] buckets, String... labelNames) {
        return register(new Histogram(name, help, buckets, List.of(labelNames)));
    }

    /** The whole exposition, one {@code # HELP}/{@code # TYPE} block per family. */
    public synchronized String scrape() {
        StringBuilder out = new StringBuilder();
        for (MetricFamily family : families) {
            out.append("# HELP ").append(family.name()).append(' ').append(family.help()).append('\n');
            out.append("# TYPE ").append(family.name()).append(' ').append(family.type()).append('\n');
            family.writeSamples(out);
        }
        return out.toString();
    }

    private <T extends MetricFamily> T register(T family) {
        if (families.stream().anyMatch(existing -> existing.name().equals(family.name()))) {
            throw new IllegalArgumentException("metric " + family.name() + " is already registered");
        }
        families.add(family);
        return family;
    }
}
