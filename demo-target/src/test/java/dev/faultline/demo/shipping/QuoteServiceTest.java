package dev.faultline.demo.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.demo.carrier.Rate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quote rules: the carrier's rate when it answers, the flat rate when it fails, nothing for unknown zones. */
class QuoteServiceTest {

    private static final BigDecimal FLAT = new BigDecimal("14.90");

    private final List<Quote.Source> observed = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();

    private QuoteService service(CarrierClient carrier) {
        return new QuoteService(zone -> {
            asked.add(zone);
            return carrier.rate(zone);
        }, FLAT, observed::add);
    }

    @Test
    void shouldQuoteTheCarriersRateWhenItAnswers() {
        QuoteService quotes = service(zone -> new Rate(zone, new BigDecimal("7.50"), "EUR", 2));

        Quote quote = quotes.quote("eu").orElseThrow();

        assertThat(quote).isEqualTo(new Quote("eu", new BigDecimal("7.50"), "EUR", 2, Quote.Source.CARRIER));
        assertThat(observed).containsExactly(Quote.Source.CARRIER);
    }

    @Test
    void shouldQuoteTheFlatRateWhenTheCarrierFails() {
        QuoteService quotes = service(zone -> {
            throw new CarrierUnavailableException("timeout", "the carrier did not answer within 500 ms");
        });

        Quote quote = quotes.quote("uk").orElseThrow();

        assertThat(quote.amount()).isEqualTo(FLAT);
        assertThat(quote.source()).isEqualTo(Quote.Source.FALLBACK);
        assertThat(quote.deliveryDays()).as("the flat rate promises no delivery time").isNull();
        assertThat(observed).containsExactly(Quote.Source.FALLBACK);
    }

    @Test
    void shouldNotAskTheCarrierForAZoneTheShopDoesNotShipTo() {
        QuoteService quotes = service(zone -> new Rate(zone, BigDecimal.ONE, "EUR", 1));

        assertThat(quotes.quote("mars")).isEmpty();
        assertThat(asked).isEmpty();
        assertThat(observed).isEmpty();
    }
}
