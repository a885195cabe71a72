package dev.faultline.catalog.behaviour;

import dev.faultline.schemas.avro.KnownBehaviourUpdated;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * Catalog entries written as {@code faultline_catalog_updates_total{change}} (ADDED, CONFIRMED, CONTRADICTED,
 * REFINED, ...). Under exactly-once processing a task that is retried may count an update again: a rate, not a ledger.
 */
@Singleton
public class MicrometerCatalogUpdates implements CatalogUpdates {

    public static final String UPDATES = "faultline.catalog.updates";

    private final MeterRegistry registry;

    public MicrometerCatalogUpdates(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void updated(KnownBehaviourUpdated entry) {
        Counter.builder(UPDATES).description("Known-behaviour entries written to the catalog, by change")
                .tag("change", entry.getChange().name()).register(registry).increment();
    }
}
