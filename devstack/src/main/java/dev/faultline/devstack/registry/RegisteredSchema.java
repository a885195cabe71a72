package dev.faultline.devstack.registry;

import java.util.List;

/**
 * One version of a subject: the unit the registry stores in its log. {@code schema} is the
 * canonical form of the schema (what Confluent returns), {@code deleted} marks a soft deletion.
 */
public record RegisteredSchema(
        String subject, int version, int id, String schemaType, String schema,
        List<SchemaReference> references, boolean deleted) {

    public RegisteredSchema {
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** The same version, soft-deleted. */
    public RegisteredSchema softDeleted() {
        return new RegisteredSchema(subject, version, id, schemaType, schema, references, true);
    }

    /** Whether this version holds the same schema (type, canonical text and references). */
    public boolean sameSchemaAs(String type, String canonical, List<SchemaReference> refs) {
        return schemaType.equals(type) && schema.equals(canonical) && references.equals(refs);
    }
}
