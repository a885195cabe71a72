package dev.faultline.demo.fulfilment;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Units reserved per product, in memory (a restarted fulfilment starts from none); orders beyond stock are backorders. */
public final class StockReservations {

    private final Map<String, Long> reserved = new ConcurrentHashMap<>();

    /** Reserves {@code quantity} units of {@code productId}; returns the units now reserved for it. */
    public long reserve(String productId, int quantity) {
        return reserved.merge(productId, (long) quantity, Long::sum);
    }

    public long reservedOf(String productId) {
        return reserved.getOrDefault(productId, 0L);
    }
}
