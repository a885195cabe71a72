package dev.faultline.kit.kafka;

import dev.faultline.schemas.kafka.ScramKeyCache;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;

/**
 * Installs {@link ScramKeyCache} as a service's application context is built, before any of its Kafka clients
 * connects: each of the dozens of clients a service opens then authenticates without deriving its SCRAM key again.
 */
@ContextConfigurer
public final class ScramKeyCacheInstaller implements ApplicationContextConfigurer {

    @Override
    public void configure(ApplicationContextBuilder builder) {
        ScramKeyCache.install();
    }
}
