package dev.faultline.demo.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PriceBookTest {

    private final PriceBook book = new PriceBook();

    @Test
    void shouldPriceTheSameProductTheSameWay() {
        assertThat(book.priceOf("sku-1")).isEqualTo(new PriceBook().priceOf("sku-1"));
    }

    @Test
    void shouldKeepPricesBetweenFiveAndAHundredEuros() {
        for (int i = 1; i <= 500; i++) {
            Price price = book.priceOf("sku-" + i);
            assertThat(price.amount()).isBetween(new java.math.BigDecimal("5.00"), new java.math.BigDecimal("99.99"));
            assertThat(price.currency()).isEqualTo("EUR");
        }
    }

    @Test
    void shouldOnlyAcceptPlainIds() {
        assertThat(book.isValidId("sku-1")).isTrue();
        assertThat(book.isValidId("../etc")).isFalse();
    }
}
