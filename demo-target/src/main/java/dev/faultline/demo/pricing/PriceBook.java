package dev.faultline.demo.pricing;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** The pricing service's prices: deterministic per product id, between 5.00 and 99.99 EUR. */
public final class PriceBook {

    private static final Pattern PRODUCT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The price of {@code productId}; the same id always costs the same. */
    public Price priceOf(String productId) {
        if (!PRODUCT_ID.matcher(productId).matches()) {
            throw new IllegalArgumentException("not a product id: " + productId);
        }
        int cents = 500 + Math.floorMod(productId.hashCode() * 31 + 7, 9_500);
        return new Price(productId, BigDecimal.valueOf(cents, 2), "EUR");
    }

    public boolean isValidId(String productId) {
        return PRODUCT_ID.matcher(productId).matches();
    }
}
