package dev.faultline.demo.orders;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * "An order was placed": what the storefront publishes on {@link OrderTopics#ORDERS} (key = orderId) and fulfilment
 * consumes, as JSON {@code {"orderId", "productId", "quantity", "unitPrice", "placedAt"}} ({@link OrderEventJson}).
 */
public record OrderEvent(String orderId, String productId, int quantity, BigDecimal unitPrice, Instant placedAt) {
}
