package dev.faultline.safety.records;

import dev.faultline.kit.events.EventPublisher;
import org.apache.avro.specific.SpecificRecord;

/** {@link SafetyEvents} on faultline.safety through the kit's idempotent, acks=all {@link EventPublisher}. */
public final class KafkaSafetyEvents implements SafetyEvents {

    private final EventPublisher publisher;

    public KafkaSafetyEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(SpecificRecord event) {
        publisher.publish(event);
    }
}
