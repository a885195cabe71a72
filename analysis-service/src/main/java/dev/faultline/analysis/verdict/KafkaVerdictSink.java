package dev.faultline.analysis.verdict;

import dev.faultline.kit.events.EventPublisher;
import dev.faultline.schemas.avro.VerdictIssued;
import jakarta.inject.Singleton;

/** Publishes verdicts to faultline.verdicts through the kit's publisher, keyed by experiment id. */
@Singleton
public class KafkaVerdictSink implements VerdictSink {

    private final EventPublisher publisher;

    public KafkaVerdictSink(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publish(VerdictIssued verdict) {
        publisher.publish(verdict);
    }
}
