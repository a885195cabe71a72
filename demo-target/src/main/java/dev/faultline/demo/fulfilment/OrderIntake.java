package dev.faultline.demo.fulfilment;

import dev.faultline.demo.fulfilment.OrderValidator.Invalid;
import dev.faultline.demo.fulfilment.OrderValidator.Valid;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what becomes of one order record: an invalid one is dead-lettered at once; a valid one is processed, a
 * rejected order dead-lettered at once, and any other failure retried — up to {@code maxAttempts} attempts, waiting
 * {@code backoff}, then twice as long each time — before it is dead-lettered. The retries run on the consumer's
 * thread, so while a record is retried nothing behind it moves. Every failure that is not a rejection is taken for a
 * passing one, a type error included: that is the gap a stream of wrongly typed records exposes (README).
 */
public final class OrderIntake {

    /** Waits between attempts; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(OrderIntake.class);

    private final OrderValidator validator;
    private final OrderProcessor processor;
    private final int maxAttempts;
    private final Duration backoff;
    private final Sleeper sleeper;
    private final Runnable onRetry;

    /** {@code onRetry} hears every retry (the retries counter). */
    public OrderIntake(OrderValidator validator, OrderProcessor processor, int maxAttempts, Duration backoff,
                       Sleeper sleeper, Runnable onRetry) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        this.validator = validator;
        this.processor = processor;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.onRetry = onRetry;
    }

    /** The outcome of the record {@code key}/{@code value}; {@code where} names it in log lines. */
    public Outcome handle(String key, byte[] value, String where) throws InterruptedException {
        OrderValidator.Validation validation = validator.validate(key, value);
        if (validation instanceof Invalid invalid) {
            return Outcome.deadLettered("invalid: " + invalid.reason(), 1);
        }
        Valid valid = (Valid) validation;
        Duration wait = backoff;
        for (int attempt = 1; ; attempt++) {
            try {
                processor.process(valid.order());
                return Outcome.processed(attempt);
            } catch (RejectedOrderException e) {
                return Outcome.deadLettered("rejected: " + e.getMessage(), attempt);
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts) {
                    return Outcome.deadLettered("failed " + attempt + " times: " + e.getMessage(), attempt);
                }
                LOG.warn("processing {} failed (attempt {}/{}), retrying in {} ms: {}", where, attempt, maxAttempts,
                        wait.toMillis(), e.getMessage());
                onRetry.run();
                sleeper.sleep(wait);
                wait = wait.multipliedBy(2);
            }
        }
    }
}
