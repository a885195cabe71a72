package dev.faultline.demo.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.demo.orders.OrderEvent;
import dev.faultline.demo.pricing.Price;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderServiceTest {

    private boolean pricingDown;
    private int pricingCalls;
    private final List<OrderEvent> announced = new ArrayList<>();
    private static final Instant NOW = Instant.parse("2025-03-01T10:15:30Z");
    private final OrderService orders = new OrderService(productId -> {
        pricingCalls++;
        if (pricingDown) {
            throw new PricingUnavailableException("connect", "pricing refused the connection");
        }
        return new Price(productId, new BigDecimal("19.99"), "EUR");
    }, new ProductCatalog(10), announced::add, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldChargeTheLivePriceTimesTheQuantity() throws Exception {
        Order order = orders.place(new OrderRequest("sku-3", 3));

        assertThat(order.total()).isEqualByComparingTo("59.97");
        assertThat(order.unitPrice()).isEqualByComparingTo("19.99");
        assertThat(order.orderId()).startsWith("ord-");
    }

    @Test
    void shouldAnnounceEveryPlacedOrder() throws Exception {
        Order order = orders.place(new OrderRequest("sku-3", 3));

        assertThat(announced).containsExactly(new OrderEvent(order.orderId(), "sku-3", 3, new BigDecimal("19.99"), NOW));
    }

    @Test
    void shouldAskPricingForEveryOrder() throws Exception {
        orders.place(new OrderRequest("sku-1", 1));
        orders.place(new OrderRequest("sku-1", 1));

        assertThat(pricingCalls).isEqualTo(2);
    }

    @Test
    void shouldRefuseTheOrderWhenPricingIsUnavailable() {
        pricingDown = true;

        assertThatThrownBy(() -> orders.place(new OrderRequest("sku-1", 1)))
                .isInstanceOf(PricingUnavailableException.class);
        assertThat(announced).as("an order refused is not announced").isEmpty();
    }

    @Test
    void shouldRejectAProductTheStoreDoesNotSellWithoutCallingPricing() {
        assertThatThrownBy(() -> orders.place(new OrderRequest("sku-11", 1)))
                .isInstanceOf(OrderService.UnknownProductException.class);
        assertThat(pricingCalls).isZero();
    }
}
