package dev.faultline.demo.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RateBookTest {

    private final RateBook book = new RateBook();

    @Test
    void shouldQuoteTheSameRateForTheSameZoneWithinItsRange() {
        Rate eu = book.rateOf("eu");

        assertThat(book.rateOf("eu")).isEqualTo(eu);
        assertThat(eu.amount()).isBetween(new BigDecimal("3.90"), new BigDecimal("33.89"));
        assertThat(eu.deliveryDays()).isBetween(1, 7);
        assertThat(eu.currency()).isEqualTo("EUR");
    }

    @Test
    void shouldRefuseWhatIsNotAZone() {
        assertThat(book.isValidZone("World")).isFalse();
        assertThat(book.isValidZone("x")).isFalse();
        assertThatThrownBy(() -> book.rateOf("../etc")).hasMessageContaining("not a zone");
    }
}
