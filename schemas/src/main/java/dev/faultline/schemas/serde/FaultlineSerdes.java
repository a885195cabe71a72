package dev.faultline.schemas.serde;

import dev.faultline.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Ready-configured value serdes for Kafka Streams topologies and plain clients, e.g.
 * {@code Consumed.with(Serdes.String(), FaultlineSerdes.specific(VerdictIssued.class, config))}.
 * {@code config} holds at least {@code schema.registry.url} (see {@link FaultlineSerdeConfig}).
 */
public final class FaultlineSerdes {

    private FaultlineSerdes() {
    }

    /** A value serde for one generated event type; reading any other type fails with a clear error. */
    public static <T extends SpecificRecord> Serde<T> specific(Class<T> type, Map<String, ?> config) {
        return configured(new FaultlineAvroSerde<>(null, type), config);
    }

    /** As {@link #specific(Class, Map)}, sharing an existing registry client (and its caches). */
    public static <T extends SpecificRecord> Serde<T> specific(Class<T> type, SchemaRegistryClient registry,
                                                               Map<String, ?> config) {
        return configured(new FaultlineAvroSerde<>(registry, type), config);
    }

    /** A value serde for topics that carry several event types: reads whichever generated class was written. */
    public static Serde<SpecificRecord> anyEvent(Map<String, ?> config) {
        return configured(new FaultlineAvroSerde<>(null, null), config);
    }

    /** As {@link #anyEvent(Map)}, sharing an existing registry client. */
    public static Serde<SpecificRecord> anyEvent(SchemaRegistryClient registry, Map<String, ?> config) {
        return configured(new FaultlineAvroSerde<>(registry, null), config);
    }

    private static <T extends org.apache.avro.generic.IndexedRecord> Serde<T> configured(FaultlineAvroSerde<T> serde,
                                                                                        Map<String, ?> config) {
        serde.configure(config, false);
        return serde;
    }
}
