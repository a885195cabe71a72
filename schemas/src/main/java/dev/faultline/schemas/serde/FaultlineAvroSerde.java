package dev.faultline.schemas.serde;

import dev.faultline.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link Serde} pairing {@link FaultlineAvroSerializer} and {@link FaultlineAvroDeserializer}. The no-argument form
 * reads and writes any generated record, so it can be named as Kafka Streams' {@code default.value.serde}; typed
 * instances come from {@link FaultlineSerdes}.
 */
public class FaultlineAvroSerde<T extends IndexedRecord> implements Serde<T> {

    private final FaultlineAvroSerializer<T> serializer;
    private final FaultlineAvroDeserializer<T> deserializer;

    /** For Kafka Streams, which instantiates by class name and then calls {@link #configure}. */
    public FaultlineAvroSerde() {
        this(null, null);
    }

    /**
     * @param registry   the registry client to share, or null to build one from {@code schema.registry.url}
     * @param targetType the generated class read, or null for any record
     */
    public FaultlineAvroSerde(SchemaRegistryClient registry, Class<T> targetType) {
        this.serializer = new FaultlineAvroSerializer<>(registry);
        this.deserializer = new FaultlineAvroDeserializer<>(registry, targetType);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
