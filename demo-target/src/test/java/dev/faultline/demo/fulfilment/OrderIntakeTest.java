package dev.faultline.demo.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.demo.storefront.ProductCatalog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The retry policy, with a sleeper that only records how long it was asked to wait. */
class OrderIntakeTest {

    private final List<Duration> waited = new ArrayList<>();
    private final StockReservations stock = new StockReservations();
    private int retries;
    private final OrderIntake intake = new OrderIntake(new OrderValidator(), new OrderProcessor(new ProductCatalog(10), stock),
            4, Duration.ofMillis(250), waited::add, () -> retries++);

    @Test
    void shouldProcessAGoodOrderAtTheFirstAttempt() throws Exception {
        assertThat(handle("ord-1", OrderValidatorTest.GOOD)).isEqualTo(new Outcome(Outcome.Kind.PROCESSED, null, 1));
        assertThat(stock.reservedOf("sku-1")).isEqualTo(2);
        assertThat(waited).isEmpty();
    }

    @Test
    void shouldDeadLetterInvalidRecordsAtOnceWithTheReason() throws Exception {
        assertThat(handle(null, OrderValidatorTest.GOOD))
                .isEqualTo(new Outcome(Outcome.Kind.DEAD_LETTERED, "invalid: no key (an order event is keyed by its orderId)", 1));
        assertThat(handle("ord-1", "{\"orderId\":\"ord-1\"}").reason())
                .isEqualTo("invalid: missing fields productId, quantity, unitPrice, placedAt");
        assertThat(waited).isEmpty();
    }

    @Test
    void shouldDeadLetterARejectedOrderWithoutRetrying() throws Exception {
        assertThat(handle("ord-1", OrderValidatorTest.GOOD.replace("sku-1", "sku-99")))
                .isEqualTo(new Outcome(Outcome.Kind.DEAD_LETTERED, "rejected: unknown product sku-99", 1));
        assertThat(waited).isEmpty();
    }

    @Test
    void shouldRetryAWronglyTypedOrderWithDoublingWaitsBeforeDeadLetteringIt() throws Exception {
        Outcome outcome = handle("ord-1", OrderValidatorTest.GOOD.replace("\"quantity\":2", "\"quantity\":\"two\""));

        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.DEAD_LETTERED);
        assertThat(outcome.attempts()).isEqualTo(4);
        assertThat(outcome.reason()).startsWith("failed 4 times: cannot map the order onto OrderEvent").contains("(field quantity)");
        assertThat(waited).as("the consumer's thread waits 1.75 s in all")
                .containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(retries).isEqualTo(3);
    }

    @Test
    void shouldStopRetryingWhenInterrupted() {
        OrderIntake interrupted = new OrderIntake(new OrderValidator(), new OrderProcessor(new ProductCatalog(10), stock),
                4, Duration.ofMillis(250), duration -> {
                    throw new InterruptedException("closing");
                }, () -> { });

        assertThatThrownBy(() -> interrupted.handle("ord-1",
                OrderValidatorTest.GOOD.replace("19.99", "\"19.99\"").getBytes(StandardCharsets.UTF_8), "here"))
                .isInstanceOf(InterruptedException.class);
    }

    private Outcome handle(String key, String value) throws InterruptedException {
        return intake.handle(key, value.getBytes(StandardCharsets.UTF_8), "demo.orders-0@0");
    }
}
