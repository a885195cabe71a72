package dev.faultline.catalog;

import io.micronaut.runtime.Micronaut;

/** Starts catalog-service: the known-behaviour catalog and experiment timelines (Kafka Streams) with HTTP queries. */
public final class CatalogApplication {

    private CatalogApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(CatalogApplication.class, args);
    }
}
