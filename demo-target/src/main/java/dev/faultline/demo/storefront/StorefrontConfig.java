package dev.faultline.demo.storefront;

import dev.faultline.demo.orders.ShopKafka;
import java.time.Duration;

/**
 * How a storefront runs: its port (0 = free), where pricing is, the pricing timeout, the cache TTL, the number of
 * products, and the Kafka cluster it announces orders on (null: it announces nothing).
 */
public record StorefrontConfig(int port, String pricingUrl, Duration pricingTimeout, Duration cacheTtl, int products,
                               ShopKafka kafka) {

    /** Seconds a client should wait before retrying an order refused because pricing was unavailable. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** A storefront that announces no orders. */
    public StorefrontConfig(int port, String pricingUrl, Duration pricingTimeout, Duration cacheTtl, int products) {
        this(port, pricingUrl, pricingTimeout, cacheTtl, products, null);
    }

    public static StorefrontConfig defaults() {
        return new StorefrontConfig(18080, "http://127.0.0.1:18091", Duration.ofMillis(1200), Duration.ofMillis(1000), 50, null);
    }
}
