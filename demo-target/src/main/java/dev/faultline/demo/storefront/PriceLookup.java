package dev.faultline.demo.storefront;

import dev.faultline.demo.pricing.Price;

/** The price a product read answers with, where it came from and how old it is. */
public record PriceLookup(Price price, Source source, long ageMillis) {

    /** Where a price came from; the lower-case name is the {@code X-Cache} header value. */
    public enum Source {
        /** A fresh cache entry, no pricing call. */
        HIT,
        /** No fresh entry: refreshed from pricing during the read. */
        MISS,
        /** The refresh failed and the expired entry was served. */
        STALE,
        /** The cache is switched off: straight from pricing. */
        BYPASS;

        public String header() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
