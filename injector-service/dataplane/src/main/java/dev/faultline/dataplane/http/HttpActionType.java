package dev.faultline.dataplane.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.dataplane.api.AttributeReader;
import java.util.List;

/**
 * One registered kind of L7 action: its API name, its attribute record and the stated
 * defaults. Reads attributes from JSON on top of the defaults and rejects unknown, ill-typed
 * or out-of-range attributes with a 400 naming them.
 */
public record HttpActionType<T extends HttpAction>(String name, Class<T> attributeClass, T defaults) {

    public T parse(JsonNode attributes) {
        return new AttributeReader("action " + name, "a " + name + " rule", "has the wrong type")
                .read(attributes, defaults, attributeClass);
    }

    public ObjectNode render(HttpAction attributes) {
        return AttributeReader.render(attributes);
    }

    public List<String> attributeNames() {
        return AttributeReader.names(defaults);
    }
}
