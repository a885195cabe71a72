package dev.faultline.injector.run;

import dev.faultline.injector.guardrail.Breach;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * Guardrail evaluations and breaches as {@code faultline_guardrail_evaluations_total} and
 * {@code faultline_guardrail_breaches_total{statistic}} (the breached guardrail's statistic: a closed set, unlike
 * guardrail ids, which each hypothesis names).
 */
@Singleton
public class MicrometerRunMetrics implements RunMetrics {

    public static final String EVALUATIONS = "faultline.guardrail.evaluations";
    public static final String BREACHES = "faultline.guardrail.breaches";

    private final MeterRegistry registry;
    private final Counter evaluations;

    public MicrometerRunMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.evaluations = Counter.builder(EVALUATIONS)
                .description("Evaluations of a run's guardrails while its fault was on").register(registry);
    }

    @Override
    public void guardrailsEvaluated() {
        evaluations.increment();
    }

    @Override
    public void guardrailBreached(Breach breach) {
        Counter.builder(BREACHES).description("Guardrail breaches that stopped a run")
                .tag("statistic", breach.rule().statistic().name()).register(registry).increment();
    }
}
