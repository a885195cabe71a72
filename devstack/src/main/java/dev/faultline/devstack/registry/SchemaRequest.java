package dev.faultline.devstack.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The body of register, lookup and compatibility requests ({@code RegisterSchemaRequest} in
 * Confluent): unknown fields such as {@code metadata} or {@code ruleSet} are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SchemaRequest(String schema, String schemaType, List<SchemaReference> references, Integer id, Integer version) {
}
