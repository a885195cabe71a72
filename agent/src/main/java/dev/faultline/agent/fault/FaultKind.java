package dev.faultline.agent.fault;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One registered kind of host fault: its name, its attribute record and the stated defaults
 * of its optional attributes. Reads attributes from JSON over the defaults, strictly (no
 * number from a string, no fraction cut to a whole number), and refuses unknown, missing or
 * ill-typed attributes with a message naming them.
 */
public record FaultKind<T extends HostFault>(String name, Class<T> attributeClass, Map<String, Object> defaults) {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public FaultKind {
        if (!attributeClass.isRecord()) {
            throw new IllegalArgumentException("attributes of kind " + name + " must be a record");
        }
        defaults = Map.copyOf(defaults);
    }

    /** The attribute names, in declaration order. */
    public List<String> attributeNames() {
        return Arrays.stream(attributeClass.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    /** {@code attributes} (a JSON object, or null for none) over the defaults. */
    public T parse(JsonNode attributes) {
        ObjectNode merged = STRICT.valueToTree(defaults);
        List<String> known = attributeNames();
        if (attributes != null && !attributes.isNull()) {
            if (!attributes.isObject()) {
                throw new FaultRefused.Invalid("'attributes' of a " + name + " fault must be a JSON object, was " + attributes.getNodeType());
            }
            for (Iterator<String> it = attributes.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!known.contains(field)) {
                    throw new FaultRefused.Invalid("unknown attribute '" + field + "' for kind " + name
                            + "; known attributes: " + String.join(", ", known));
                }
                merged.set(field, attributes.get(field));
            }
        }
        List<String> missing = new ArrayList<>(known.stream().filter(k -> !merged.has(k) || merged.get(k).isNull()).toList());
        if (!missing.isEmpty()) {
            throw new FaultRefused.Invalid("kind " + name + " needs attribute" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + "; its attributes: " + describeDefaults());
        }
        try {
            return STRICT.treeToValue(merged, attributeClass);
        } catch (JsonMappingException e) {
            throw new FaultRefused.Invalid("bad attribute for kind " + name + ": " + describe(e));
        } catch (Exception e) {
            throw new FaultRefused.Invalid("bad attributes for kind " + name + ": " + e.getMessage());
        }
    }

    private String describeDefaults() {
        List<String> parts = new ArrayList<>();
        for (String attribute : attributeNames()) {
            parts.add(defaults.containsKey(attribute) ? attribute + " (default " + defaults.get(attribute) + ")" : attribute + " (required)");
        }
        return String.join(", ", parts);
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
        return "attribute '" + field + "' has the wrong JSON type (" + e.getOriginalMessage().split("\n")[0] + ")";
    }
}
