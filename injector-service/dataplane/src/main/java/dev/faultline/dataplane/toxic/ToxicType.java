package dev.faultline.dataplane.toxic;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.dataplane.api.ApiException;
import dev.faultline.dataplane.api.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One registered kind of toxic: its Toxiproxy type name, its attribute record and the stated
 * defaults. Reads attributes from JSON on top of a base (the defaults on creation, the current
 * values on update) and rejects unknown or ill-typed attributes with a message naming them.
 */
public record ToxicType<T extends Toxic>(String name, Class<T> attributeClass, T defaults) {

    public T parse(JsonNode attributes) {
        return parse(attributes, defaults);
    }

    /** {@code attributes} overlaid on {@code base}; a missing or null node keeps the base values. */
    public T parse(JsonNode attributes, Toxic base) {
        ObjectNode merged = render(base);
        if (attributes != null && !attributes.isNull()) {
            if (!attributes.isObject()) {
                throw ApiException.badRequest("'attributes' of a " + name + " toxic must be a JSON object, was " + attributes.getNodeType());
            }
            for (Iterator<String> it = attributes.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!merged.has(field)) {
                    throw ApiException.badRequest("unknown attribute '" + field + "' for toxic type " + name
                            + "; known attributes: " + String.join(", ", attributeNames()));
                }
                merged.set(field, attributes.get(field));
            }
        }
        try {
            return Json.mapper().treeToValue(merged, attributeClass);
        } catch (JsonMappingException e) {
            throw ApiException.badRequest("bad attribute for toxic type " + name + ": " + describe(e));
        } catch (Exception e) {
            throw ApiException.badRequest("bad attributes for toxic type " + name + ": " + e.getMessage());
        }
    }

    public ObjectNode render(Toxic attributes) {
        return Json.mapper().valueToTree(attributes);
    }

    public List<String> attributeNames() {
        List<String> names = new ArrayList<>();
        render(defaults).fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String describe(JsonMappingException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof IllegalArgumentException) {
            return root.getMessage();
        }
        String field = e.getPath().isEmpty() ? "?" : e.getPath().get(e.getPath().size() - 1).getFieldName();
        return "attribute '" + field + "' must be a whole number (" + e.getOriginalMessage().split("\n")[0] + ")";
    }
}
