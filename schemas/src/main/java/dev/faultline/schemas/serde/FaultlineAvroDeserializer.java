package dev.faultline.schemas.serde;

import dev.faultline.schemas.registry.RegistryException;
import dev.faultline.schemas.registry.SchemaRegistryClient;
import java.io.EOFException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka {@link Deserializer} for the Confluent wire format. It reads the writer schema named by the value's id from
 * the registry (cached) and resolves it against the reader schema: the generated class's schema, so older and newer
 * writers both read into today's class. Bad input fails with a {@link org.apache.kafka.common.errors.SerializationException}
 * subclass that names the problem, never an error from deep inside Avro. Thread-safe.
 *
 * <p>Without a target type it returns whatever generated class the writer schema names (any event of a shared
 * topic), or a {@code GenericRecord} when {@code specific.avro.reader=false}; with one (see {@link FaultlineSerdes})
 * it returns only that class.
 */
public class FaultlineAvroDeserializer<T extends IndexedRecord> implements Deserializer<T> {

    private final Map<Integer, ReadPlan> plans = new ConcurrentHashMap<>();
    private final ThreadLocal<BinaryDecoder> decoders = new ThreadLocal<>();
    private final Class<T> targetType;
    private SchemaRegistryClient registry;
    private boolean specific = true;
    private boolean configured;

    /** For Kafka, which instantiates by class name and then calls {@link #configure}. */
    public FaultlineAvroDeserializer() {
        this(null, null);
    }

    /**
     * @param registry   the registry client, or null to build one from {@code schema.registry.url}
     * @param targetType the generated class to return, or null for any record
     */
    public FaultlineAvroDeserializer(SchemaRegistryClient registry, Class<T> targetType) {
        this.registry = registry;
        this.targetType = targetType;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        FaultlineSerdeConfig config = FaultlineSerdeConfig.from(configs);
        if (registry == null) {
            registry = config.newRegistryClient();
        }
        specific = targetType != null || config.specificAvroReader();
        AvroTrust.trustGeneratedClasses();
        configured = true;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (!configured) {
            throw new IllegalStateException("FaultlineAvroDeserializer used before configure()");
        }
        int schemaId = WireFormat.schemaId(topic, data);
        ReadPlan plan = plans.get(schemaId);
        if (plan == null) {
            plan = plans.computeIfAbsent(schemaId, id -> planFor(topic, id));
        }
        return targetType == null ? cast(decode(topic, schemaId, plan, data)) : targetType.cast(decode(topic, schemaId, plan, data));
    }

    private Object decode(String topic, int schemaId, ReadPlan plan, byte[] data) {
        int bodyLength = data.length - WireFormat.HEADER_SIZE;
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE, bodyLength, decoders.get());
        decoders.set(decoder);
        Object value;
        int left;
        try {
            value = plan.datumReader().read(null, decoder);
            left = decoder.inputStream().available();
        } catch (EOFException e) {
            throw new TruncatedPayloadException(String.format("topic %s: the Avro body (%d bytes after the header) ended "
                    + "before a complete %s (schema id %d) was read: more bytes expected than found", topic, bodyLength,
                    plan.writer().getFullName(), schemaId), e);
        } catch (IOException | RuntimeException e) {
            throw new MalformedPayloadException(String.format("topic %s: the Avro body (%d bytes) is not a valid %s "
                    + "(schema id %d): %s", topic, bodyLength, plan.writer().getFullName(), schemaId, e), e);
        }
        if (left > 0) {
            throw new TrailingBytesException(String.format("topic %s: %d trailing bytes after a complete %s (schema id %d, "
                    + "%d of %d body bytes used)", topic, left, plan.writer().getFullName(), schemaId, bodyLength - left,
                    bodyLength));
        }
        return value;
    }

    private ReadPlan planFor(String topic, int schemaId) {
        try {
            return ReadPlan.of(topic, schemaId, registry.schemaById(schemaId), targetType, specific);
        } catch (RegistryException e) {
            if (e.isNotFound()) {
                throw new UnknownSchemaIdException(schemaId, "topic " + topic + ": schema id " + schemaId
                        + " is unknown to the schema registry (it answered HTTP " + e.httpStatus() + ", error_code "
                        + e.errorCode() + "): " + e.getMessage(), e);
            }
            throw new RegistryLookupException("topic " + topic + ": cannot fetch schema id " + schemaId
                    + " from the schema registry: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private T cast(Object value) {
        return (T) value;
    }
}
