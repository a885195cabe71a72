package dev.faultline.dataplane.toxic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.dataplane.api.AttributeReader;
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
        return new AttributeReader("toxic type " + name, "a " + name + " toxic", "must be a whole number")
                .read(attributes, base, attributeClass);
    }

    public ObjectNode render(Toxic attributes) {
        return AttributeReader.render(attributes);
    }

    public List<String> attributeNames() {
        return AttributeReader.names(defaults);
    }
}
