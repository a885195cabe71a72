package dev.faultline.kit.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Counts a service's event I/O, for the Kafka plumbing to call: records consumed, events published, records sent to
 * the dead-letter topic, and how long handlers took. Tagged by topic and event type (the Avro record's simple name,
 * {@code unknown} when a record could not be read); every meter also carries the {@code service} tag (see
 * {@link ServiceTag}). In Prometheus: {@code faultline_events_consumed_total}, {@code faultline_events_published_total},
 * {@code faultline_events_dead_lettered_total{reason}}, {@code faultline_events_handled_seconds_{count,sum,max,bucket}}.
 */
@Singleton
public class EventMetrics {

    public static final String CONSUMED = "faultline.events.consumed";
    public static final String PUBLISHED = "faultline.events.published";
    public static final String DEAD_LETTERED = "faultline.events.dead.lettered";
    public static final String HANDLED = "faultline.events.handled";

    private static final String UNKNOWN = "unknown";

    private final MeterRegistry registry;

    public EventMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A record was read from {@code topic} and handed to the service's handler. */
    public void consumed(String topic, String eventType) {
        counter(CONSUMED, "Records read from a topic and handed to a handler", topic, "type", eventType).increment();
    }

    /** An event was written (and acknowledged) to {@code topic}. */
    public void published(String topic, String eventType) {
        counter(PUBLISHED, "Events written to a topic and acknowledged", topic, "type", eventType).increment();
    }

    /**
     * A record of {@code topic} went to the dead-letter topic. {@code reason} is a category with few values
     * (for example {@code unreadable}, {@code invalid}, {@code handler-failed}), not the error message.
     */
    public void deadLettered(String topic, String reason) {
        counter(DEAD_LETTERED, "Records sent to the dead-letter topic, by the topic they came from",
                topic, "reason", reason).increment();
    }

    /** A handler finished with a record of {@code topic} after {@code took}, successfully or not. */
    public void handled(String topic, String eventType, Duration took) {
        Timer.builder(HANDLED).description("Time a handler spent on one record")
                .tags("topic", orUnknown(topic), "type", orUnknown(eventType))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry).record(took);
    }

    private Counter counter(String name, String description, String topic, String key, String value) {
        return Counter.builder(name).description(description).tags("topic", orUnknown(topic), key, orUnknown(value))
                .register(registry);
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value;
    }
}
