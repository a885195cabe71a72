package dev.faultline.demo.fulfilment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.demo.orders.OrderEventJson;
import java.io.IOException;
import java.util.List;

/**
 * The first look at an order record, before any processing: a value of at most {@link #MAX_BYTES}, a JSON object
 * with every field of an order event present and not null, keyed by its order id. It does not check the fields'
 * types: a wrongly typed field passes here and fails later, in {@link OrderProcessor} — the gap (demo-target/README.md).
 */
public final class OrderValidator {

    /** Larger values are refused unread: an order event is about 120 bytes. */
    public static final int MAX_BYTES = 64 * 1024;
    static final List<String> FIELDS = List.of("orderId", "productId", "quantity", "unitPrice", "placedAt");

    /** What the first look found. */
    public sealed interface Validation {
    }

    /** A record worth processing: its value as a JSON object. */
    public record Valid(JsonNode order) implements Validation {
    }

    /** A record no processing can help: why. */
    public record Invalid(String reason) implements Validation {
    }

    public Validation validate(String key, byte[] value) {
        if (value == null || value.length == 0) {
            return new Invalid("empty value");
        }
        if (value.length > MAX_BYTES) {
            return new Invalid("value of " + value.length + " bytes is larger than " + MAX_BYTES);
        }
        JsonNode json;
        try {
            json = OrderEventJson.mapper().readTree(value);
        } catch (IOException e) {
            return new Invalid("not JSON: " + firstLine(e.getMessage()));
        }
        if (json == null || !json.isObject()) {
            return new Invalid("not a JSON object");
        }
        List<String> missing = FIELDS.stream().filter(field -> !json.hasNonNull(field)).toList();
        if (!missing.isEmpty()) {
            return new Invalid("missing field" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
        }
        if (key == null) {
            return new Invalid("no key (an order event is keyed by its orderId)");
        }
        if (!key.equals(json.get("orderId").asText())) {
            return new Invalid("key '" + key + "' is not the orderId '" + json.get("orderId").asText() + "'");
        }
        return new Valid(json);
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message);
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
