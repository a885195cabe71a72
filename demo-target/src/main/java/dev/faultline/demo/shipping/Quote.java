package dev.faultline.demo.shipping;

import java.math.BigDecimal;
import java.util.Locale;

/** A shipping quote for a zone: the carrier's rate, or the flat rate when the carrier could not be asked. */
public record Quote(String zone, BigDecimal amount, String currency, Integer deliveryDays, Source source) {

    /** Where the amount came from. */
    public enum Source {
        CARRIER, FALLBACK;

        /** The value of the {@code X-Rate-Source} header and of the {@code source} metric label. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
