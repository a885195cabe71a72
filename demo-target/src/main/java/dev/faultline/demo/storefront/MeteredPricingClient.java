package dev.faultline.demo.storefront;

import dev.faultline.demo.metrics.Latency;
import dev.faultline.demo.pricing.Price;
import io.prometheus.metrics.core.datapoints.Timer;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** Counts pricing calls, their latency and their failures by kind around another {@link PricingClient}. */
public final class MeteredPricingClient implements PricingClient {

    private final PricingClient delegate;
    private final Histogram latency;
    private final Counter errors;

    public MeteredPricingClient(PricingClient delegate, PrometheusRegistry metrics) {
        this.delegate = delegate;
        this.latency = Latency.histogram(metrics, "storefront_pricing_call_duration_seconds", "latency of calls to pricing");
        this.errors = Counter.builder().name("storefront_pricing_errors_total").help("failed calls to pricing, by kind")
                .labelNames("kind").withoutExemplars().register(metrics);
    }

    @Override
    public Price fetch(String productId) throws PricingUnavailableException {
        try (Timer timer = latency.startTimer()) {
            return delegate.fetch(productId);
        } catch (PricingUnavailableException e) {
            errors.labelValues(e.kind()).inc();
            throw e;
        }
    }
}
