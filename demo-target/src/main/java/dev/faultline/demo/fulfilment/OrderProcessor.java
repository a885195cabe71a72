package dev.faultline.demo.fulfilment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.demo.orders.OrderEvent;
import dev.faultline.demo.orders.OrderEventJson;
import dev.faultline.demo.storefront.OrderRequest;
import dev.faultline.demo.storefront.ProductCatalog;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Carries out a validated order: reads it as an {@link OrderEvent} (strict types), checks it against the catalog and
 * reserves its stock. A product the shop does not sell or a quantity out of range is a {@link RejectedOrderException};
 * a field of the wrong type ({@code "quantity": "two"}, a number sent as a string) fails the mapping with an
 * {@link IllegalStateException} — which {@link OrderIntake} cannot tell from a passing failure.
 */
public final class OrderProcessor {

    private final ProductCatalog catalog;
    private final StockReservations stock;

    public OrderProcessor(ProductCatalog catalog, StockReservations stock) {
        this.catalog = catalog;
        this.stock = stock;
    }

    /** Processes one order; returns the event it carried out. */
    public OrderEvent process(JsonNode order) {
        OrderEvent event;
        try {
            event = OrderEventJson.read(order);
        } catch (JsonProcessingException e) {
            String field = e instanceof JsonMappingException mapping ? mapping.getPath().stream()
                    .map(JsonMappingException.Reference::getFieldName).filter(Objects::nonNull)
                    .collect(Collectors.joining(".", " (field ", ")")) : "";
            throw new IllegalStateException("cannot map the order onto OrderEvent" + field + ": " + e.getOriginalMessage(), e);
        }
        if (catalog.nameOf(event.productId()).isEmpty()) {
            throw new RejectedOrderException("unknown product " + event.productId());
        }
        if (event.quantity() < 1 || event.quantity() > OrderRequest.MAX_QUANTITY) {
            throw new RejectedOrderException("quantity must be 1-" + OrderRequest.MAX_QUANTITY + ", not " + event.quantity());
        }
        stock.reserve(event.productId(), event.quantity());
        return event;
    }
}
