package dev.faultline.schemas.serde;

import dev.faultline.schemas.registry.RegisteredSchema;
import dev.faultline.schemas.registry.RegistryException;
import dev.faultline.schemas.registry.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka {@link Serializer} writing Avro records (generated or generic) in the Confluent wire format. The schema id
 * comes from the registry under the subject the configured {@link SubjectNameStrategy} names: registered on first
 * use ({@code auto.register.schemas}, default), looked up, or the subject's latest version
 * ({@code use.latest.version}). Ids are cached per (topic, schema), so the registry is called once per type.
 * Thread-safe. Configure with {@link FaultlineSerdeConfig}'s keys, or pass a client to the constructor.
 */
public class FaultlineAvroSerializer<T extends IndexedRecord> implements Serializer<T> {

    private record TopicSchema(String topic, Schema schema) {
    }

    private final Map<TopicSchema, WritePlan> plans = new ConcurrentHashMap<>();
    private final ThreadLocal<BinaryEncoder> encoders = new ThreadLocal<>();
    private SchemaRegistryClient registry;
    private FaultlineSerdeConfig config;
    private boolean isKey;

    /** For Kafka, which instantiates by class name and then calls {@link #configure}. */
    public FaultlineAvroSerializer() {
        this(null);
    }

    /** Uses {@code registry} instead of building a client from {@code schema.registry.url}. */
    public FaultlineAvroSerializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = FaultlineSerdeConfig.from(configs);
        this.isKey = isKey;
        if (registry == null) {
            registry = config.newRegistryClient();
        }
        AvroTrust.trustGeneratedClasses();
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException("FaultlineAvroSerializer used before configure()");
        }
        WritePlan plan = plans.get(new TopicSchema(topic, record.getSchema()));
        if (plan == null) {
            plan = plans.computeIfAbsent(new TopicSchema(topic, record.getSchema()), key -> planFor(topic, key.schema()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        byte[] header = new byte[WireFormat.HEADER_SIZE];
        WireFormat.writeHeader(plan.schemaId(), header);
        out.writeBytes(header);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, encoders.get());
        encoders.set(encoder);
        try {
            plan.write(record, encoder);
            encoder.flush();
        } catch (AvroRuntimeException | NullPointerException | ClassCastException | IOException e) {
            throw new InvalidRecordException("topic " + topic + ": cannot write " + record.getSchema().getFullName()
                    + " with schema id " + plan.schemaId() + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private WritePlan planFor(String topic, Schema schema) {
        String subject = config.subjectStrategy(isKey).subjectName(topic, isKey, schema);
        try {
            if (config.useLatestVersion()) {
                RegisteredSchema latest = registry.latest(subject);
                return WritePlan.towards(latest, schema);
            }
            int id = config.autoRegisterSchemas() ? registry.register(subject, schema) : registry.lookUp(subject, schema).id();
            return WritePlan.same(id, schema);
        } catch (RegistryException e) {
            String how = config.useLatestVersion() ? "fetching the latest version of"
                    : config.autoRegisterSchemas() ? "registering " + schema.getFullName() + " under"
                    : "looking up " + schema.getFullName() + " (auto.register.schemas=false) under";
            throw new RegistryLookupException("topic " + topic + ": " + how + " subject " + subject + " failed: "
                    + e.getMessage(), e);
        }
    }
}
