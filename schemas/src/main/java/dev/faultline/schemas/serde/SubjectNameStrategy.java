package dev.faultline.schemas.serde;

import org.apache.avro.Schema;

/**
 * How the serializer names the registry subject a schema is registered under, as Confluent's
 * {@code key.subject.name.strategy} / {@code value.subject.name.strategy} do.
 * Implementations need a public no-argument constructor to be named in configuration.
 */
public interface SubjectNameStrategy {

    String subjectName(String topic, boolean isKey, Schema schema);
}
