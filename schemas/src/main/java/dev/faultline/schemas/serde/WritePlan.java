package dev.faultline.schemas.serde;

import dev.faultline.schemas.registry.RegisteredSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * How records of one schema are written to one topic: the registry id to put in the header and, when
 * {@code use.latest.version} picked a registered schema different from the record's own, the conversion to it.
 */
final class WritePlan {

    private final int schemaId;
    private final DatumWriter<Object> specificWriter;
    private final DatumWriter<Object> genericWriter;
    private final Schema ownSchema;
    private final Schema targetSchema;
    private final DatumWriter<Object> targetWriter;

    private WritePlan(int schemaId, Schema ownSchema, Schema targetSchema) {
        this.schemaId = schemaId;
        this.ownSchema = ownSchema;
        this.targetSchema = targetSchema;
        this.specificWriter = specificWriter(ownSchema);
        this.genericWriter = new GenericDatumWriter<>(ownSchema, GenericData.get());
        this.targetWriter = targetSchema == null ? null : new GenericDatumWriter<>(targetSchema, GenericData.get());
    }

    static WritePlan same(int schemaId, Schema schema) {
        return new WritePlan(schemaId, schema, null);
    }

    /** Writes with {@code latest}; records of {@code own} are converted when the two differ. */
    static WritePlan towards(RegisteredSchema latest, Schema own) {
        if (latest.schema().equals(own)) {
            return same(latest.id(), own);
        }
        var compatibility = SchemaCompatibility.checkReaderWriterCompatibility(latest.schema(), own);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new InvalidRecordException("use.latest.version: records of " + own.getFullName()
                    + " cannot be written as the latest version " + latest.version() + " of subject " + latest.subject()
                    + " (id " + latest.id() + "): " + compatibility.getResult().getIncompatibilities().stream()
                    .map(i -> i.getMessage() + " at " + i.getLocation()).collect(Collectors.joining("; ")));
        }
        return new WritePlan(latest.id(), own, latest.schema());
    }

    int schemaId() {
        return schemaId;
    }

    void write(IndexedRecord record, BinaryEncoder encoder) throws IOException {
        if (targetSchema == null) {
            writerOf(record).write(record, encoder);
            return;
        }
        targetWriter.write(convert(record), encoder);
    }

    private Object convert(IndexedRecord record) throws IOException {
        ByteArrayOutputStream own = new ByteArrayOutputStream();
        BinaryEncoder ownEncoder = EncoderFactory.get().binaryEncoder(own, null);
        writerOf(record).write(record, ownEncoder);
        ownEncoder.flush();
        return new GenericDatumReader<>(ownSchema, targetSchema, GenericData.get())
                .read(null, DecoderFactory.get().binaryDecoder(own.toByteArray(), null));
    }

    /** Generated records hold converted logical types (UUID, Instant); generic ones hold the raw Avro values. */
    private DatumWriter<Object> writerOf(IndexedRecord record) {
        return record instanceof SpecificRecord ? specificWriter : genericWriter;
    }

    @SuppressWarnings("unchecked")
    private static DatumWriter<Object> specificWriter(Schema schema) {
        SpecificData model = SpecificData.getForSchema(schema);
        return (DatumWriter<Object>) (DatumWriter<?>) new SpecificDatumWriter<>(schema, model);
    }
}
