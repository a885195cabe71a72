package dev.faultline.demo.shipping;

import dev.faultline.demo.carrier.Rate;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quotes shipping to a zone: asks the carrier, and when the carrier fails (times out, refuses, answers an error)
 * quotes the flat rate instead, with one WARN line naming the zone and the reason. A customer always gets a price;
 * the cost is the carrier timeout, which every fallback quote waits out while the carrier hangs.
 */
public final class QuoteService {

    /** The zones this shop ships to. */
    public static final Set<String> ZONES = Set.of("domestic", "eu", "uk", "us", "world");

    private static final Logger LOG = LoggerFactory.getLogger(QuoteService.class);

    private final CarrierClient carrier;
    private final BigDecimal flatRate;
    private final Consumer<Quote.Source> observer;

    /** {@code observer} hears the source of every quote given (the quotes counter). */
    public QuoteService(CarrierClient carrier, BigDecimal flatRate, Consumer<Quote.Source> observer) {
        this.carrier = carrier;
        this.flatRate = flatRate;
        this.observer = observer;
    }

    /** The quote for {@code zone}, or empty when the shop does not ship there. */
    public Optional<Quote> quote(String zone) {
        if (!ZONES.contains(zone)) {
            return Optional.empty();
        }
        Quote quote;
        try {
            Rate rate = carrier.rate(zone);
            quote = new Quote(zone, rate.amount(), rate.currency(), rate.deliveryDays(), Quote.Source.CARRIER);
        } catch (CarrierUnavailableException e) {
            LOG.warn("carrier unavailable for zone {} ({}): quoting the flat rate {} EUR", zone, e.getMessage(), flatRate);
            quote = new Quote(zone, flatRate, "EUR", null, Quote.Source.FALLBACK);
        }
        observer.accept(quote.source());
        return Optional.of(quote);
    }
}
