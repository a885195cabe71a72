package dev.faultline.demo.shipping;

import dev.faultline.demo.carrier.Rate;
import dev.faultline.demo.metrics.Latency;
import io.prometheus.metrics.core.datapoints.Timer;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** Counts carrier calls, their latency and their failures by kind around another {@link CarrierClient}. */
public final class MeteredCarrierClient implements CarrierClient {

    private final CarrierClient delegate;
    private final Histogram latency;
    private final Counter errors;

    public MeteredCarrierClient(CarrierClient delegate, PrometheusRegistry metrics) {
        this.delegate = delegate;
        this.latency = Latency.histogram(metrics, "shipping_carrier_call_duration_seconds", "latency of calls to the carrier");
        this.errors = Counter.builder().name("shipping_carrier_errors_total").help("failed calls to the carrier, by kind")
                .labelNames("kind").withoutExemplars().register(metrics);
    }

    @Override
    public Rate rate(String zone) throws CarrierUnavailableException {
        try (Timer timer = latency.startTimer()) {
            return delegate.rate(zone);
        } catch (CarrierUnavailableException e) {
            errors.labelValues(e.kind()).inc();
            throw e;
        }
    }
}
