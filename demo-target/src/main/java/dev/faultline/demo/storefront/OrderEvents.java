package dev.faultline.demo.storefront;

import dev.faultline.demo.orders.OrderEvent;

/** Where the storefront announces the orders it took (Kafka in the demo; nowhere when none is configured). */
public interface OrderEvents {

    /** Announces nothing: a storefront without a Kafka cluster. */
    OrderEvents NONE = event -> { };

    /** Announces {@code event}; never fails the order (a failed announcement is logged and counted). */
    void placed(OrderEvent event);
}
