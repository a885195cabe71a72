package dev.faultline.demo.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.demo.orders.OrderEvent;
import dev.faultline.demo.orders.OrderEventJson;
import dev.faultline.demo.storefront.ProductCatalog;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Processing a validated order: stock reserved; rejections; and the type errors that only show up here. */
class OrderProcessorTest {

    private final StockReservations stock = new StockReservations();
    private final OrderProcessor processor = new OrderProcessor(new ProductCatalog(10), stock);

    @Test
    void shouldReserveTheStockOfAnOrderTheStorefrontWrote() throws Exception {
        OrderEvent written = new OrderEvent("ord-7", "sku-3", 2, new BigDecimal("19.99"), Instant.parse("2025-03-01T10:15:30Z"));

        OrderEvent processed = processor.process(OrderEventJson.mapper().readTree(OrderEventJson.write(written)));
        processor.process(json(OrderValidatorTest.GOOD.replace("sku-1", "sku-3")));

        assertThat(processed).isEqualTo(written);
        assertThat(stock.reservedOf("sku-3")).isEqualTo(4);
    }

    @Test
    void shouldRejectAnUnknownProductOrABadQuantity() {
        assertThatThrownBy(() -> processor.process(json(OrderValidatorTest.GOOD.replace("sku-1", "sku-11"))))
                .isInstanceOf(RejectedOrderException.class).hasMessage("unknown product sku-11");
        assertThatThrownBy(() -> processor.process(json(OrderValidatorTest.GOOD.replace("\"quantity\":2", "\"quantity\":0"))))
                .isInstanceOf(RejectedOrderException.class).hasMessage("quantity must be 1-100, not 0");
        assertThat(stock.reservedOf("sku-11")).isZero();
    }

    @Test
    void shouldFailWithATypeErrorThatIsNotARejectionOnWronglyTypedFields() {
        for (String wrong : new String[] {
            OrderValidatorTest.GOOD.replace("\"quantity\":2", "\"quantity\":\"two\""),
            OrderValidatorTest.GOOD.replace("\"quantity\":2", "\"quantity\":\"2\""),
            OrderValidatorTest.GOOD.replace("19.99", "\"19.99\""),
            OrderValidatorTest.GOOD.replace("\"2025-03-01T10:15:30Z\"", "\"yesterday\"")}) {
            assertThatThrownBy(() -> processor.process(json(wrong))).as(wrong)
                    .isInstanceOf(IllegalStateException.class).isNotInstanceOf(RejectedOrderException.class)
                    .hasMessageStartingWith("cannot map the order onto OrderEvent");
        }
        assertThat(stock.reservedOf("sku-1")).isZero();
    }

    private static JsonNode json(String text) throws Exception {
        return OrderEventJson.mapper().readTree(text);
    }
}
