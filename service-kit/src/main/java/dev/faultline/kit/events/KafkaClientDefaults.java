package dev.faultline.kit.events;

import dev.faultline.kit.KafkaSettings;
import io.micronaut.configuration.kafka.config.AbstractKafkaConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Points every micronaut-kafka client configuration (the defaults, each consumer, producer and Streams app) at the
 * broker and schema registry of {@link KafkaSettings}, so that {@code faultline.kafka.*} stays the one place a service
 * is told where Kafka is.
 */
@Singleton
public class KafkaClientDefaults implements BeanCreatedEventListener<AbstractKafkaConfiguration<?, ?>> {

    private final KafkaSettings settings;

    public KafkaClientDefaults(KafkaSettings settings) {
        this.settings = settings;
    }

    @Override
    public AbstractKafkaConfiguration<?, ?> onCreated(BeanCreatedEvent<AbstractKafkaConfiguration<?, ?>> event) {
        AbstractKafkaConfiguration<?, ?> configuration = event.getBean();
        configuration.getConfig().putAll(settings.clientProperties());
        return configuration;
    }
}
