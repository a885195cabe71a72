package dev.faultline.analysis.followup;

import dev.faultline.kit.events.EventPublisher;
import dev.faultline.schemas.avro.FollowUpOpened;
import dev.faultline.schemas.avro.FollowUpStateChanged;
import jakarta.inject.Singleton;

/** Publishes follow-up events to faultline.followups through the kit's publisher, keyed by experiment id. */
@Singleton
public class KafkaFollowUpEvents implements FollowUpEvents {

    private final EventPublisher publisher;

    public KafkaFollowUpEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void opened(FollowUpOpened opened) {
        publisher.publish(opened);
    }

    @Override
    public void changed(FollowUpStateChanged changed) {
        publisher.publish(changed);
    }
}
