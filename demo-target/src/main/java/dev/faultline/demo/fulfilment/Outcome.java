package dev.faultline.demo.fulfilment;

import java.util.Locale;

/** What became of one order record: processed, or dead-lettered with the reason; after how many attempts. */
public record Outcome(Kind kind, String reason, int attempts) {

    /** The two ends a record can come to. */
    public enum Kind {
        PROCESSED, DEAD_LETTERED;

        /** The {@code outcome} label of {@code fulfilment_orders_total}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static Outcome processed(int attempts) {
        return new Outcome(Kind.PROCESSED, null, attempts);
    }

    static Outcome deadLettered(String reason, int attempts) {
        return new Outcome(Kind.DEAD_LETTERED, reason, attempts);
    }
}
