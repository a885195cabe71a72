package dev.faultline.injector.run;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;

/** {@code faultline_injections_active}: the runs in progress in this process ({@link ActiveRuns}). */
@Singleton
public class ActiveInjectionsGauge implements MeterBinder {

    public static final String ACTIVE = "faultline.injections.active";

    private final ActiveRuns runs;

    public ActiveInjectionsGauge(ActiveRuns runs) {
        this.runs = runs;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(ACTIVE, runs, r -> r.list().size()).description("Injections in progress in this process")
                .register(registry);
    }
}
