package dev.faultline.devstack.registry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.AvroRuntimeException;

/**
 * Parses request schemas the way Confluent's AvroSchemaProvider does: schema type AVRO (the
 * default when absent), named types from {@code references} resolved first, defaults validated.
 * The canonical text is Avro's compact JSON with referenced types left by name, which is what
 * Confluent stores and compares to decide that two schemas are the same.
 */
final class AvroSchemaParser {

    static final String AVRO = "AVRO";

    private final RegistryState state;

    AvroSchemaParser(RegistryState state) {
        this.state = state;
    }

    ParsedSchema parse(String schemaType, String schema, List<SchemaReference> references) {
        String type = checkType(schemaType);
        List<SchemaReference> refs = references == null ? List.of() : List.copyOf(references);
        if (schema == null || schema.isBlank()) {
            throw RegistryErrors.invalidSchema("Empty schema");
        }
        Schema.Parser parser = new Schema.Parser();
        List<Schema> referenced = new ArrayList<>();
        Set<String> loaded = new HashSet<>();
        for (SchemaReference ref : refs) {
            referenced.add(load(parser, ref, loaded));
        }
        try {
            Schema avro = parser.parse(schema);
            return new ParsedSchema(type, avro, avro.toString(referenced, false), refs);
        } catch (AvroRuntimeException | NullPointerException | IllegalArgumentException e) {
            throw RegistryErrors.invalidSchema("Invalid schema " + schema + " with refs " + refs
                    + " of type " + type + ", details: " + e.getMessage());
        }
    }

    private Schema load(Schema.Parser parser, SchemaReference ref, Set<String> loaded) {
        if (ref.name() == null || ref.subject() == null) {
            throw RegistryErrors.invalidSchema("Invalid schema reference " + ref + ": name and subject are required");
        }
        RegisteredSchema target = state.version(ref.subject(), ref.version(), true)
                .orElseThrow(() -> RegistryErrors.invalidSchema("Invalid schema reference " + ref
                        + ": subject '" + ref.subject() + "' has no version " + ref.version()));
        for (SchemaReference nested : target.references()) {
            load(parser, nested, loaded);
        }
        String key = target.subject() + "/" + target.version();
        if (!loaded.add(key)) {
            return parser.getTypes().get(ref.name());
        }
        try {
            return parser.parse(target.schema());
        } catch (AvroRuntimeException e) {
            throw RegistryErrors.invalidSchema("Invalid schema reference " + ref + ", details: " + e.getMessage());
        }
    }

    private static String checkType(String schemaType) {
        String type = schemaType == null || schemaType.isBlank() ? AVRO : schemaType.toUpperCase(Locale.ROOT);
        return switch (type) {
            case AVRO -> AVRO;
            case "JSON", "PROTOBUF" -> throw RegistryErrors.invalidSchema("Invalid schema type " + type
                    + ": only AVRO is supported by the devstack registry");
            default -> throw RegistryErrors.invalidSchema("Invalid schema type " + schemaType);
        };
    }
}
