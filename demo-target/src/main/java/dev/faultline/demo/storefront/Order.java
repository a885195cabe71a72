package dev.faultline.demo.storefront;

import java.math.BigDecimal;

/** A placed order, priced with the live price at the moment it was placed. */
public record Order(String orderId, String productId, int quantity, BigDecimal unitPrice, BigDecimal total,
                    String currency) {
}
