package dev.faultline.safety.preflight;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/** Preflight decisions as {@code faultline_preflights_total{outcome="passed"|"blocked"}}. */
@Singleton
public class MicrometerPreflightMetrics implements PreflightMetrics {

    public static final String PREFLIGHTS = "faultline.preflights";

    private final Counter passed;
    private final Counter blocked;

    public MicrometerPreflightMetrics(MeterRegistry registry) {
        this.passed = counter(registry, "passed");
        this.blocked = counter(registry, "blocked");
    }

    @Override
    public void decided(boolean passed) {
        (passed ? this.passed : blocked).increment();
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder(PREFLIGHTS).description("Preflight decisions published, by outcome")
                .tag("outcome", outcome).register(registry);
    }
}
