package dev.faultline.demo.storefront;

import dev.faultline.demo.orders.OrderEvent;
import dev.faultline.demo.pricing.Price;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Places orders. An order must be charged the current price, so it never uses the cache: when
 * pricing cannot answer, the order is refused (the HTTP adapter answers 503 with Retry-After)
 * rather than charged a possibly outdated price. Every placed order is announced as an {@link OrderEvent}.
 */
public final class OrderService {

    private final PricingClient pricing;
    private final ProductCatalog catalog;
    private final OrderEvents events;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();

    public OrderService(PricingClient pricing, ProductCatalog catalog, OrderEvents events, Clock clock) {
        this.pricing = pricing;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    /** The placed order, or empty product → {@link UnknownProductException}; pricing down → {@link PricingUnavailableException}. */
    public Order place(OrderRequest request) throws PricingUnavailableException {
        if (catalog.nameOf(request.productId()).isEmpty()) {
            throw new UnknownProductException(request.productId());
        }
        Price price = pricing.fetch(request.productId());
        BigDecimal total = price.amount().multiply(BigDecimal.valueOf(request.quantity()));
        Order order = new Order("ord-" + sequence.incrementAndGet(), request.productId(), request.quantity(),
                price.amount(), total, price.currency());
        events.placed(new OrderEvent(order.orderId(), order.productId(), order.quantity(), order.unitPrice(),
                clock.instant()));
        return order;
    }

    /** The store does not sell this product. */
    public static final class UnknownProductException extends RuntimeException {
        public UnknownProductException(String productId) {
            super("unknown product " + productId);
        }
    }
}
