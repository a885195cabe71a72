package dev.faultline.demo.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.demo.pricing.Price;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OrderServiceTest {

    private boolean pricingDown;
    private int pricingCalls;
    private final OrderService orders = new OrderService(productId -> {
        pricingCalls++;
        if (pricingDown) {
            throw new PricingUnavailableException("connect", "pricing refused the connection");
        }
        return new Price(productId, new BigDecimal("19.99"), "EUR");
    }, new ProductCatalog(10));

    @Test
    void shouldChargeTheLivePriceTimesTheQuantity() throws Exception {
        Order order = orders.place(new OrderRequest("sku-3", 3));

        assertThat(order.total()).isEqualByComparingTo("59.97");
        assertThat(order.unitPrice()).isEqualByComparingTo("19.99");
        assertThat(order.orderId()).startsWith("ord-");
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
    }

    @Test
    void shouldRejectAProductTheStoreDoesNotSellWithoutCallingPricing() {
        assertThatThrownBy(() -> orders.place(new OrderRequest("sku-11", 1)))
                .isInstanceOf(OrderService.UnknownProductException.class);
        assertThat(pricingCalls).isZero();
    }
}
