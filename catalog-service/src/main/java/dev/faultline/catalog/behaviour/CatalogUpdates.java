package dev.faultline.catalog.behaviour;

import dev.faultline.schemas.avro.KnownBehaviourUpdated;

/** Where the topology reports each catalog entry it changes, for monitoring (port; Micrometer behind it). */
@FunctionalInterface
public interface CatalogUpdates {

    /** Reports nothing. */
    CatalogUpdates NONE = entry -> {
    };

    void updated(KnownBehaviourUpdated entry);
}
