package dev.faultline.dataplane.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads a fault's attribute record from the API's JSON: the given attributes overlaid on a
 * base (the stated defaults on creation, the current values on update), unknown or ill-typed
 * attributes rejected with a 400 that names them. Shared by L4 toxic types and L7 action types.
 *
 * @param subject   how messages name the kind, e.g. {@code toxic type latency}
 * @param container how messages name the JSON object, e.g. {@code a latency toxic}
 * @param wrongType what a value of the wrong JSON type is told, e.g. {@code must be a whole number}
 */
public record AttributeReader(String subject, String container, String wrongType) {

    public <T> T read(JsonNode attributes, Object base, Class<T> attributeClass) {
        ObjectNode merged = render(base);
        if (attributes != null && !attributes.isNull()) {
            if (!attributes.isObject()) {
                throw ApiException.badRequest("'attributes' of " + container + " must be a JSON object, was " + attributes.getNodeType());
            }
            for (Iterator<String> it = attributes.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!merged.has(field)) {
                    throw ApiException.badRequest("unknown attribute '" + field + "' for " + subject
                            + "; known attributes: " + String.join(", ", names(base)));
                }
                merged.set(field, attributes.get(field));
            }
        }
        try {
            return Json.mapper().treeToValue(merged, attributeClass);
        } catch (JsonMappingException e) {
            throw ApiException.badRequest("bad attribute for " + subject + ": " + describe(e));
        } catch (Exception e) {
            throw ApiException.badRequest("bad attributes for " + subject + ": " + e.getMessage());
        }
    }

    public static ObjectNode render(Object attributes) {
        return Json.mapper().valueToTree(attributes);
    }

    public static List<String> names(Object attributes) {
        List<String> names = new ArrayList<>();
        render(attributes).fieldNames().forEachRemaining(names::add);
        return names;
    }

    private String describe(JsonMappingException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof IllegalArgumentException) {
            return root.getMessage();
        }
        String field = e.getPath().isEmpty() ? "?" : e.getPath().get(e.getPath().size() - 1).getFieldName();
        return "attribute '" + field + "' " + wrongType + " (" + e.getOriginalMessage().split("\n")[0] + ")";
    }
}
