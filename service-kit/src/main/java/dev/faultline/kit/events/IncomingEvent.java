package dev.faultline.kit.events;

import dev.faultline.schemas.avro.EventHeader;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/** One event read from a topic, with where it came from. */
public record IncomingEvent(String topic, int partition, long offset, String key, SpecificRecord value, Instant timestamp) {

    public EventHeader header() {
        return EventPublisher.headerOf(value);
    }

    public String experimentId() {
        return header().getExperimentId();
    }

    /** The value as {@code type}, or empty when it is another event type. */
    public <T extends SpecificRecord> java.util.Optional<T> as(Class<T> type) {
        return type.isInstance(value) ? java.util.Optional.of(type.cast(value)) : java.util.Optional.empty();
    }
}
