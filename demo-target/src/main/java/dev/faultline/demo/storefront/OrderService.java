package dev.faultline.demo.storefront;

import dev.faultline.demo.pricing.Price;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Places orders. An order must be charged the current price, so it never uses the cache: when
 * pricing cannot answer, the order is refused (the HTTP adapter answers 503 with Retry-After)
 * rather than charged a possibly outdated price.
 */
public final class OrderService {

    private final PricingClient pricing;
    private final ProductCatalog catalog;
    private final AtomicLong sequence = new AtomicLong();

    public OrderService(PricingClient pricing, ProductCatalog catalog) {
        this.pricing = pricing;
        this.catalog = catalog;
    }

    /** The placed order, or empty product → {@link UnknownProductException}; pricing down → {@link PricingUnavailableException}. */
    public Order place(OrderRequest request) throws PricingUnavailableException {
        if (catalog.nameOf(request.productId()).isEmpty()) {
            throw new UnknownProductException(request.productId());
        }
        Price price = pricing.fetch(request.productId());
        BigDecimal total = price.amount().multiply(BigDecimal.valueOf(request.quantity()));
        return new Order("ord-" + sequence.incrementAndGet(), request.productId(), request.quantity(), price.amount(),
                total, price.currency());
    }

    /** The store does not sell this product. */
    public static final class UnknownProductException extends RuntimeException {
        public UnknownProductException(String productId) {
            super("unknown product " + productId);
        }
    }
}
