package dev.faultline.demo.storefront;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.demo.http.BadRequestException;
import dev.faultline.demo.http.Json;

/** The body of {@code POST /orders}: {@code {"productId": "sku-1", "quantity": 1}}. */
public record OrderRequest(String productId, int quantity) {

    public static final int MAX_QUANTITY = 100;

    /** Parses and validates a request body; a {@link BadRequestException} names what is wrong. */
    public static OrderRequest parse(byte[] body) {
        JsonNode json = Json.readObject(body);
        JsonNode productId = json.get("productId");
        if (productId == null || !productId.isTextual() || productId.asText().isBlank()) {
            throw new BadRequestException("productId is required (a string such as \"sku-1\")");
        }
        JsonNode quantity = json.get("quantity");
        if (quantity == null || !quantity.canConvertToInt() || !quantity.isIntegralNumber()) {
            throw new BadRequestException("quantity is required (a whole number 1-" + MAX_QUANTITY + ")");
        }
        if (quantity.intValue() < 1 || quantity.intValue() > MAX_QUANTITY) {
            throw new BadRequestException("quantity must be 1-" + MAX_QUANTITY + ", not " + quantity.intValue());
        }
        return new OrderRequest(productId.asText(), quantity.intValue());
    }
}
