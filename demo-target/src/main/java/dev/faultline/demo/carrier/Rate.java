package dev.faultline.demo.carrier;

import java.math.BigDecimal;

/** What the carrier charges to ship one parcel to a zone, and how many days it takes. */
public record Rate(String zone, BigDecimal amount, String currency, int deliveryDays) {
}
