package dev.faultline.demo.pricing;

import java.math.BigDecimal;

/** The current price of one product. */
public record Price(String productId, BigDecimal amount, String currency) {
}
