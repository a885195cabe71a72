package dev.faultline.demo.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON of an {@link OrderEvent}: written by the storefront, read by fulfilment. Reading is strict about types
 * (no coercion: {@code "quantity": "2"} is not the number 2) and lenient about extra fields.
 */
public final class OrderEventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private OrderEventJson() {
    }

    public static byte[] write(OrderEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write order event " + event.orderId(), e);
        }
    }

    /** The event a JSON tree holds; fails with Jackson's exception (field and type named) when a field does not fit. */
    public static OrderEvent read(JsonNode json) throws JsonProcessingException {
        return MAPPER.treeToValue(json, OrderEvent.class);
    }

    /** The mapper fulfilment parses record values with (trees only; binding goes through {@link #read}). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
