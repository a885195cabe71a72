package dev.faultline.kit.events;

import dev.faultline.kit.metrics.EventMetrics;
import dev.faultline.kit.tracing.EventTracing;
import dev.faultline.kit.tracing.Traced;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of a batch listener being handled ({@link EventDispatch#dispatchAll}): the records started on the
 * handler's {@link BatchEventHandler.Poll}, each a span and a timing that end when its own stage completes, and the
 * dead letters of its unreadable and invalid records, which are sent only once the poll has succeeded — a poll that
 * fails is retried whole and would meet them again.
 */
final class PollRun {

    private static final Logger LOG = LoggerFactory.getLogger(PollRun.class);

    private record Started(ConsumerRecord<String, byte[]> record, String type, Traced traced, long startedNanos,
                           CompletableFuture<Outcome> outcome) {
    }

    private record Outcome(long endedNanos, Throwable error) {
    }

    /** A dead letter to send; {@code span} is the record's handling span, the dead letter's parent (null: none). */
    private record Letter(ConsumerRecord<String, byte[]> record, String category, String reason, Throwable error,
                          Span span) {

        void send(DeadLetters deadLetters) {
            try (Scope scope = span == null ? Scope.noop() : span.makeCurrent()) {
                deadLetters.send(record, category, reason, error);
            }
        }
    }

    private final BatchEventHandler.Poll poll;
    private final EventTracing tracing;
    private final EventMetrics metrics;
    private final List<Started> started = new ArrayList<>();
    private final List<Letter> letters = new ArrayList<>();

    PollRun(BatchEventHandler.Poll poll, EventTracing tracing, EventMetrics metrics) {
        this.poll = poll;
        this.tracing = tracing;
        this.metrics = metrics;
    }

    void unreadable(ConsumerRecord<String, byte[]> record, String reason, Throwable error) {
        letters.add(new Letter(record, "unreadable", reason, error, null));
    }

    /** Starts handling a decoded record; its span is current while the handler starts it. */
    void start(ConsumerRecord<String, byte[]> record, SpecificRecord value) {
        String type = value.getClass().getSimpleName();
        metrics.consumed(record.topic(), type);
        IncomingEvent event = new IncomingEvent(record.topic(), record.partition(), record.offset(), record.key(), value,
                Instant.ofEpochMilli(record.timestamp()));
        long startedNanos = System.nanoTime();
        Traced traced = tracing.handle(record.topic(), record.partition(), record.offset(), record.headers(), value);
        CompletionStage<?> stage;
        try {
            stage = poll.start(event);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        } finally {
            traced.scope().close();
        }
        started.add(new Started(record, type, traced, startedNanos, stage.toCompletableFuture()
                .handle((done, error) -> new Outcome(System.nanoTime(), unwrap(error)))));
    }

    /**
     * Flushes the poll, waits for every started record, then finishes the poll and sends its dead letters; throws
     * {@link EventHandlingException} instead, before any dead letter, when the flush, a record's work or the finish
     * failed.
     */
    void complete(DeadLetters deadLetters) {
        try {
            poll.flush();
        } catch (RuntimeException e) {
            LOG.warn("sending the writes of a poll of {} events failed", started.size(), e);
            started.forEach(s -> {
                s.traced().fail(e);
                s.traced().span().end();
            });
            throw new EventHandlingException("a poll of " + started.size() + " events", e);
        }
        EventHandlingException failure = null;
        int failed = 0;
        for (Started s : started) {
            Outcome outcome = s.outcome().join();
            metrics.handled(s.record().topic(), s.type(), Duration.ofNanos(outcome.endedNanos() - s.startedNanos()));
            Throwable error = outcome.error();
            if (error != null) {
                s.traced().fail(error);
                if (error instanceof InvalidEventException) {
                    letters.add(new Letter(s.record(), "invalid", "invalid " + s.type() + ": " + error.getMessage(), error,
                            s.traced().span()));
                } else if (failed++ == 0) {
                    failure = new EventHandlingException(s.type(), error);
                    LOG.warn("handling {} at {}-{}@{} failed", s.type(), s.record().topic(), s.record().partition(),
                            s.record().offset(), error);
                }
            }
            s.traced().span().end();
        }
        if (failure != null) {
            LOG.warn("{} of the poll's {} events failed", failed, started.size());
            throw failure;
        }
        finish();
        letters.forEach(l -> l.send(deadLetters));
    }

    private void finish() {
        try {
            poll.finish();
        } catch (RuntimeException e) {
            LOG.warn("finishing a poll of {} events failed", started.size(), e);
            throw new EventHandlingException("a poll of " + started.size() + " events", e);
        }
    }

    private static Throwable unwrap(Throwable error) {
        return (error instanceof CompletionException || error instanceof ExecutionException) && error.getCause() != null
                ? error.getCause() : error;
    }
}
