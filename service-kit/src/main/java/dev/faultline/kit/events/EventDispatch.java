package dev.faultline.kit.events;

import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.metrics.EventMetrics;
import dev.faultline.kit.tracing.EventTracing;
import dev.faultline.kit.tracing.Traced;
import dev.faultline.schemas.serde.FaultlineAvroDeserializer;
import dev.faultline.schemas.serde.FaultlineSerdeConfig;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a raw record into an {@link IncomingEvent} for a handler. A record that cannot be decoded, or that its
 * handler finds invalid ({@link InvalidEventException}), goes to the dead-letter topic at once and the listener
 * goes on; any other failure is thrown to micronaut-kafka's error strategy, which retries the record and finally
 * hands it to {@link #exhausted}; a failure because the service's store or Kafka is unreachable is first tried again
 * while the outage lasts ({@link OutageWait}), so that an outage dead-letters nothing. Each handling is a span, the child of the publish span the record carries, and is
 * counted and timed ({@code EventMetrics}). A batch listener hands a whole poll to {@link #dispatchAll}, with the
 * same outcomes per record. Creates the missing topics first, so that no listener subscribes to a topic that does not
 * exist yet.
 */
@Singleton
public class EventDispatch {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatch.class);

    private final FaultlineAvroDeserializer<SpecificRecord> values = new FaultlineAvroDeserializer<>();
    private final OutageWait outages = new OutageWait();
    private final DeadLetters deadLetters;
    private final EventTracing tracing;
    private final EventMetrics metrics;

    public EventDispatch(KafkaSettings settings, DeadLetters deadLetters, TopicBootstrap topics, EventTracing tracing,
                         EventMetrics metrics) {
        this.tracing = tracing;
        this.metrics = metrics;
        Map<String, Object> props = settings.clientProperties();
        props.put(FaultlineSerdeConfig.SPECIFIC_AVRO_READER, true);
        this.values.configure(props, false);
        this.deadLetters = deadLetters;
        topics.ensureCreated();
    }

    /** Decodes and handles one record; throws {@link EventHandlingException} for a failure worth retrying. */
    public void dispatch(ConsumerRecord<String, byte[]> record, EventHandler handler) {
        if (record.value() == null) {
            deadLetters.send(record, "unreadable", "record has no value (tombstone) on an event topic", null);
            return;
        }
        SpecificRecord value;
        try {
            value = values.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            deadLetters.send(record, "unreadable", "unreadable record: " + e.getMessage(), e);
            return;
        }
        metrics.consumed(record.topic(), typeOf(value));
        IncomingEvent event = new IncomingEvent(record.topic(), record.partition(), record.offset(), record.key(), value,
                Instant.ofEpochMilli(record.timestamp()));
        long started = System.nanoTime();
        try (Traced traced = tracing.handle(record.topic(), record.partition(), record.offset(), record.headers(), value)) {
            try {
                outages.run(typeOf(value) + " at " + record.topic() + "-" + record.partition() + "@" + record.offset(),
                        () -> handler.handle(event));
            } catch (InvalidEventException e) {
                traced.fail(e);
                deadLetters.send(record, "invalid", "invalid " + typeOf(value) + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                traced.fail(e);
                throw new EventHandlingException(typeOf(value), e);
            } catch (Exception e) {
                traced.fail(e);
                LOG.warn("handling {} at {}-{}@{} failed", typeOf(value), record.topic(), record.partition(),
                        record.offset(), e);
                throw new EventHandlingException(typeOf(value), e);
            }
        } finally {
            metrics.handled(record.topic(), typeOf(value), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * Decodes and handles a poll's records together (a batch listener's): every readable record is started on one
     * {@link BatchEventHandler.Poll} in poll order without waiting for the one before, their stages are awaited, the
     * poll is finished, and then the unreadable and invalid records are dead-lettered. Any other failure, of a
     * record's work or of the finish, throws {@link EventHandlingException} before anything is dead-lettered:
     * micronaut-kafka's error strategy retries the whole poll (which is why handlers must be idempotent), and hands a
     * poll that still fails to {@link #exhausted(KafkaListenerException, EventHandler)}.
     */
    public void dispatchAll(Iterable<ConsumerRecord<String, byte[]>> records, BatchEventHandler handler) {
        try {
            outages.run("a poll", () -> dispatchAllOnce(records, handler));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new EventHandlingException("a poll", e);
        }
    }

    private void dispatchAllOnce(Iterable<ConsumerRecord<String, byte[]>> records, BatchEventHandler handler) {
        PollRun run = new PollRun(handler.poll(), tracing, metrics);
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                run.unreadable(record, "record has no value (tombstone) on an event topic", null);
                continue;
            }
            SpecificRecord value;
            try {
                value = values.deserialize(record.topic(), record.value());
            } catch (RuntimeException e) {
                run.unreadable(record, "unreadable record: " + e.getMessage(), e);
                continue;
            }
            run.start(record, value);
        }
        run.complete(deadLetters);
    }

    /**
     * The record's event, or empty when it cannot be decoded — quietly, for a catch-up read whose listener meets the
     * same record later and dead-letters it then.
     */
    public Optional<SpecificRecord> decode(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(values.deserialize(record.topic(), record.value()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A poll whose handling still failed after the retries ({@link #dispatchAll}) is handled again record by record,
     * each alone by {@code oneByOne} through {@link #dispatch}: the records that fail then are dead-lettered with
     * their own reason, the others are handled. Anything else (a single record; a failure outside the handling, such
     * as a commit refused after a rebalance, which must not handle the poll again) goes as
     * {@link #exhausted(KafkaListenerException)}.
     */
    @SuppressWarnings("unchecked")
    public void exhausted(KafkaListenerException exception, EventHandler oneByOne) {
        if (exception.getConsumerRecord().isPresent() || exception.getConsumerRecords().isEmpty()
                || !(exception.getCause() instanceof EventHandlingException)) {
            exhausted(exception);
            return;
        }
        ConsumerRecords<?, ?> poll = exception.getConsumerRecords().get();
        LOG.warn("a poll of {} records failed {} times ({}); handling its records one by one", poll.count(),
                FaultlineListener.RETRIES + 1, String.valueOf(exception.getCause()));
        for (ConsumerRecord<?, ?> record : poll) {
            ConsumerRecord<String, byte[]> raw = (ConsumerRecord<String, byte[]>) record;
            try {
                dispatch(raw, oneByOne);
            } catch (EventHandlingException e) {
                deadLetters.send(raw, "handler-failed", "handling " + e.eventType() + " failed " + (FaultlineListener.RETRIES + 1)
                        + " times in its poll and once alone: " + e.getCause(), e.getCause());
            }
        }
    }

    /** A record whose handler still failed after the retries: to the dead-letter topic, with the last failure. */
    @SuppressWarnings("unchecked")
    public void exhausted(KafkaListenerException exception) {
        ConsumerRecord<?, ?> record = exception.getConsumerRecord().orElse(null);
        if (record == null || (record.value() != null && !(record.value() instanceof byte[]))) {
            LOG.error("listener {} failed outside a record", exception.getKafkaListener(), exception);
            return;
        }
        Throwable cause = exception.getCause() == null ? exception : exception.getCause();
        String reason;
        if (cause instanceof EventHandlingException handling) {
            Throwable root = handling.getCause();
            reason = "handling " + handling.eventType() + " failed " + (FaultlineListener.RETRIES + 1) + " times: " + root;
            cause = root;
        } else {
            reason = "cannot process record: " + cause;
        }
        deadLetters.send((ConsumerRecord<String, byte[]>) record, "handler-failed", reason, cause);
    }

    private static String typeOf(SpecificRecord value) {
        return value.getClass().getSimpleName();
    }
}
