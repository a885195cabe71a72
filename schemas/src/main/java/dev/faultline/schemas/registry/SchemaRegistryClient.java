package dev.faultline.schemas.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry REST API that Faultline's serde needs. Implementations
 * throw {@link RegistryException} when the registry answers with an error or cannot be reached.
 */
public interface SchemaRegistryClient {

    /** Registers {@code schema} under {@code subject} (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /** The id and version {@code schema} already has under {@code subject}; never registers. */
    RegisteredSchema lookUp(String subject, Schema schema);

    /** The schema with global id {@code id}. */
    Schema schemaById(int id);

    /** The latest version registered under {@code subject}. */
    RegisteredSchema latest(String subject);

    /** Whether {@code schema} is compatible with the latest version of {@code subject}, per the subject's compatibility level. */
    boolean isCompatible(String subject, Schema schema);

    /** Every subject the registry knows. */
    List<String> subjects();
}
