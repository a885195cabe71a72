package dev.faultline.schemas.serde;

import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;

/** How values written with one registry schema id are read: writer schema, reader schema and the datum reader. */
record ReadPlan(Schema writer, Schema readerSchema, DatumReader<Object> datumReader) {

    static ReadPlan of(String topic, int schemaId, Schema writer, Class<?> targetType, boolean specific) {
        if (!specific) {
            return new ReadPlan(writer, writer, new GenericDatumReader<>(writer, writer, GenericData.get()));
        }
        Class<?> type = targetType != null ? targetType : generatedClass(topic, schemaId, writer);
        Schema reader = SpecificData.get().getSchema(type);
        if (!sameRecord(writer, reader)) {
            throw new UnexpectedRecordTypeException(String.format("topic %s: schema id %d is %s, but this deserializer "
                    + "reads %s only", topic, schemaId, writer.getFullName(), reader.getFullName()));
        }
        var compatibility = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new UnexpectedRecordTypeException(String.format("topic %s: %s written with schema id %d cannot be read "
                    + "as %s: %s", topic, writer.getFullName(), schemaId, type.getName(),
                    compatibility.getResult().getIncompatibilities().stream()
                            .map(i -> i.getMessage() + " at " + i.getLocation()).collect(Collectors.joining("; "))));
        }
        return new ReadPlan(writer, reader, new SpecificDatumReader<>(writer, reader, SpecificData.getForSchema(reader)));
    }

    private static Class<?> generatedClass(String topic, int schemaId, Schema writer) {
        Class<?> type = writer.getType() == Schema.Type.RECORD ? SpecificData.get().getClass(writer) : null;
        if (type == null) {
            throw new UnexpectedRecordTypeException(String.format("topic %s: schema id %d is %s, for which no generated "
                    + "class is on the classpath (set specific.avro.reader=false to read GenericRecords)", topic, schemaId,
                    writer.getFullName()));
        }
        return type;
    }

    private static boolean sameRecord(Schema writer, Schema reader) {
        return writer.getType() == Schema.Type.RECORD
                && (writer.getFullName().equals(reader.getFullName()) || reader.getAliases().contains(writer.getFullName()));
    }
}
