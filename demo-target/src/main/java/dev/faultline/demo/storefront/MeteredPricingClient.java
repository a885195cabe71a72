package dev.faultline.demo.storefront;

import dev.faultline.demo.metrics.Counter;
import dev.faultline.demo.metrics.Histogram;
import dev.faultline.demo.metrics.Metrics;
import dev.faultline.demo.pricing.Price;

/** Counts pricing calls, their latency and their failures by kind around another {@link PricingClient}. */
public final class MeteredPricingClient implements PricingClient {

    private final PricingClient delegate;
    private final Histogram latency;
    private final Counter errors;

    public MeteredPricingClient(PricingClient delegate, Metrics metrics) {
        this.delegate = delegate;
        this.latency = metrics.histogram("storefront_pricing_call_duration_seconds", "latency of calls to pricing",
                Metrics.LATENCY_BUCKETS);
        this.errors = metrics.counter("storefront_pricing_errors_total", "failed calls to pricing, by kind", "kind");
    }

    @Override
    public Price fetch(String productId) throws PricingUnavailableException {
        long started = System.nanoTime();
        try {
            return delegate.fetch(productId);
        } catch (PricingUnavailableException e) {
            errors.inc(e.kind());
            throw e;
        } finally {
            latency.observe((System.nanoTime() - started) / 1e9);
        }
    }
}
