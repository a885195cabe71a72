package dev.faultline.kit.events;

import dev.faultline.kit.KafkaSettings;
import dev.faultline.schemas.serde.FaultlineSerdes;
import io.micronaut.configuration.kafka.serde.SerdeRegistry;
import jakarta.inject.Singleton;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Gives micronaut-kafka clients Faultline's Confluent-wire-format Avro serde for every generated event type (and for
 * {@code SpecificRecord} itself), configured with the service's schema registry; other types fall through to
 * micronaut-kafka's own registries.
 */
@Singleton
public class AvroSerdeRegistry implements SerdeRegistry {

    private final Serde<SpecificRecord> serde;

    public AvroSerdeRegistry(KafkaSettings settings) {
        this.serde = FaultlineSerdes.anyEvent(settings.clientProperties());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Serde<T> getSerde(Class<T> type) {
        return SpecificRecord.class.isAssignableFrom(type) ? (Serde<T>) serde : null;
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
