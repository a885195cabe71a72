package dev.faultline.demo.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.demo.pricing.Price;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceCacheTest {

    private final MutableClock clock = new MutableClock();
    private final FakePricing pricing = new FakePricing();
    private final List<PriceLookup.Source> observed = new ArrayList<>();
    private final PriceCache cache = new PriceCache(pricing, clock, Duration.ofMillis(1000), observed::add);

    @Test
    void shouldAnswerAFreshEntryWithoutCallingPricing() throws Exception {
        cache.lookup("sku-1");
        clock.advance(999);

        PriceLookup lookup = cache.lookup("sku-1");

        assertThat(lookup.source()).isEqualTo(PriceLookup.Source.HIT);
        assertThat(lookup.ageMillis()).isEqualTo(999);
        assertThat(pricing.calls).isEqualTo(1);
    }

    @Test
    void shouldRefreshAnExpiredEntryFromPricing() throws Exception {
        cache.lookup("sku-1");
        clock.advance(1000);
        pricing.amount = "12.50";

        PriceLookup lookup = cache.lookup("sku-1");

        assertThat(lookup.source()).isEqualTo(PriceLookup.Source.MISS);
        assertThat(lookup.price().amount()).isEqualByComparingTo("12.50");
        assertThat(pricing.calls).isEqualTo(2);
    }

    @Test
    void shouldServeTheStaleEntryWhenTheRefreshFails() throws Exception {
        cache.lookup("sku-1");
        clock.advance(5000);
        pricing.down = true;

        PriceLookup lookup = cache.lookup("sku-1");

        assertThat(lookup.source()).isEqualTo(PriceLookup.Source.STALE);
        assertThat(lookup.ageMillis()).isEqualTo(5000);
        assertThat(lookup.price().amount()).isEqualByComparingTo("10.00");
    }

    @Test
    void shouldCallPricingOnEveryReadOfAnExpiredEntryWhilePricingIsDown() throws Exception {
        // the resilience gap: a failed refresh does not make the entry fresh again, so each read waits on pricing
        cache.lookup("sku-1");
        clock.advance(1500);
        pricing.down = true;

        cache.lookup("sku-1");
        cache.lookup("sku-1");
        cache.lookup("sku-1");

        assertThat(pricing.calls).isEqualTo(4);
        assertThat(observed).containsExactly(PriceLookup.Source.MISS, PriceLookup.Source.STALE,
                PriceLookup.Source.STALE, PriceLookup.Source.STALE);
    }

    @Test
    void shouldFailWhenPricingFailsAndNothingIsCached() {
        pricing.down = true;

        assertThatThrownBy(() -> cache.lookup("sku-2")).isInstanceOf(PricingUnavailableException.class);
    }

    @Test
    void shouldCallPricingOnEveryReadAndNeverServeStaleWhenDisabled() throws Exception {
        cache.lookup("sku-1");
        cache.setEnabled(false);

        assertThat(cache.lookup("sku-1").source()).isEqualTo(PriceLookup.Source.BYPASS);
        pricing.down = true;
        assertThatThrownBy(() -> cache.lookup("sku-1")).isInstanceOf(PricingUnavailableException.class);
        assertThat(pricing.calls).isEqualTo(3);
    }

    @Test
    void shouldStartEmptyWhenEnabledAgain() throws Exception {
        cache.lookup("sku-1");
        cache.setEnabled(false);
        cache.setEnabled(true);

        assertThat(cache.lookup("sku-1").source()).isEqualTo(PriceLookup.Source.MISS);
    }

    private static final class FakePricing implements PricingClient {
        private int calls;
        private boolean down;
        private String amount = "10.00";

        @Override
        public Price fetch(String productId) throws PricingUnavailableException {
            calls++;
            if (down) {
                throw new PricingUnavailableException("timeout", "pricing did not answer within 1200 ms");
            }
            return new Price(productId, new BigDecimal(amount), "EUR");
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(long millis) {
            now = now.plusMillis(millis);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
