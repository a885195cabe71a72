package dev.faultline.kit.metrics;

import dev.faultline.kit.KafkaSettings;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Tags every meter of a service with {@code service=<name>}, the name it signs its events with, so that one
 * Prometheus scraping all five services can tell their series apart. micronaut-micrometer applies MeterFilter beans
 * to its registry before any meter exists.
 */
@Factory
public class ServiceTag {

    @Singleton
    MeterFilter serviceTag(KafkaSettings settings) {
        return MeterFilter.commonTags(Tags.of("service", settings.serviceName()));
    }
}
