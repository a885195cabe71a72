package dev.faultline.demo.shipping;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * How a shipping service runs: its port (0 = free), where the carrier is, how long a carrier call may take, and
 * the flat rate (EUR) quoted when the carrier cannot be asked.
 */
public record ShippingConfig(int port, String carrierUrl, Duration carrierTimeout, BigDecimal flatRate) {

    public static ShippingConfig defaults() {
        return new ShippingConfig(18081, "http://127.0.0.1:18093", Duration.ofMillis(500), new BigDecimal("14.90"));
    }
}
