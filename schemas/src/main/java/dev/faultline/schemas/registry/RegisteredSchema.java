package dev.faultline.schemas.registry;

import org.apache.avro.Schema;

/** One version of a subject as the registry stores it: its subject, version, global id and schema. */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {
}
