package dev.faultline.dataplane.http;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.dataplane.api.ApiException;
import dev.faultline.dataplane.api.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One registered kind of L7 action: its API name, its attribute record and the stated
 * defaults. Reads attributes from JSON on top of the defaults and rejects unknown, ill-typed
 * or out-of-range attributes with a 400 naming them.
 */
public record HttpActionType<T extends HttpAction>(String name, Class<T> attributeClass, T defaults) {

    public T parse(JsonNode attributes) {
        ObjectNode merged = render(defaults);
        if (attributes != null && !attributes.isNull()) {
            if (!attributes.isObject()) {
                throw ApiException.badRequest("'attributes' of a " + name + " rule must be a JSON object, was " + attributes.getNodeType());
            }
            for (Iterator<String> it = attributes.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!merged.has(field)) {
                    throw ApiException.badRequest("unknown attribute '" + field + "' for action " + name
                            + "; known attributes: " + String.join(", ", attributeNames()));
                }
                merged.set(field, attributes.get(field));
            }
        }
        try {
            return Json.mapper().treeToValue(merged, attributeClass);
        } catch (JsonMappingException e) {
            throw ApiException.badRequest("bad attribute for action " + name + ": " + describe(e));
        } catch (Exception e) {
            throw ApiException.badRequest("bad attributes for action " + name + ": " + e.getMessage());
        }
    }

    public ObjectNode render(HttpAction attributes) {
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
        return "attribute '" + field + "' has the wrong type (" + e.getOriginalMessage().split("\n")[0] + ")";
    }
}
