package dev.faultline.demo.fulfilment;

import dev.faultline.demo.metrics.Latency;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Arrays;

/** Fulfilment's own series on {@code /metrics}: outcomes, retries, handling time and consumer lag. */
final class FulfilmentMetrics {

    private final Counter orders;
    private final Counter retries;
    private final Histogram duration;
    private final Gauge lag;

    FulfilmentMetrics(PrometheusRegistry registry) {
        orders = Counter.builder().name("fulfilment_orders_total")
                .help("order records handled, by outcome: processed (stock reserved) or dead_lettered (sent to demo.orders.dlq)")
                .labelNames("outcome").withoutExemplars().register(registry);
        // both series exist from the start, at 0: a rate of dead letters is readable before the first one
        Arrays.stream(Outcome.Kind.values()).forEach(kind -> orders.initLabelValues(kind.label()));
        retries = Counter.builder().name("fulfilment_processing_retries_total")
                .help("attempts to process an order record that failed and were retried").withoutExemplars().register(registry);
        duration = Latency.histogram(registry, "fulfilment_processing_duration_seconds",
                "time from taking an order record to its outcome, retries and dead-lettering included");
        lag = Gauge.builder().name("fulfilment_consumer_lag")
                .help("order records behind the end of demo.orders (all partitions)").register(registry);
    }

    void handled(Outcome outcome, double seconds) {
        orders.labelValues(outcome.kind().label()).inc();
        duration.observe(seconds);
    }

    void retried() {
        retries.inc();
    }

    void lag(long records) {
        lag.set(records);
    }
}
