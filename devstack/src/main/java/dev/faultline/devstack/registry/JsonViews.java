package dev.faultline.devstack.registry;

import java.util.LinkedHashMap;
import java.util.Map;

/** Confluent's JSON shapes: {@code schemaType} is left out for AVRO, {@code references} when empty. */
final class JsonViews {

    private JsonViews() {
    }

    /** A subject version: {@code {"subject","version","id",["schemaType"],["references"],"schema"}}. */
    static Map<String, Object> version(RegisteredSchema v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("subject", v.subject());
        json.put("version", v.version());
        json.put("id", v.id());
        typeAndReferences(v, json);
        json.put("schema", v.schema());
        return json;
    }

    /** A schema by id: {@code {["schemaType"],["references"],"schema"}}. */
    static Map<String, Object> schemaString(RegisteredSchema v) {
        Map<String, Object> json = new LinkedHashMap<>();
        typeAndReferences(v, json);
        json.put("schema", v.schema());
        return json;
    }

    private static void typeAndReferences(RegisteredSchema v, Map<String, Object> json) {
        if (!AvroSchemaParser.AVRO.equals(v.schemaType())) {
            json.put("schemaType", v.schemaType());
        }
        if (!v.references().isEmpty()) {
            json.put("references", v.references());
        }
    }
}
