package dev.faultline.analysis.verdict;

import dev.faultline.kit.events.EventPublisher;
import dev.faultline.schemas.avro.VerdictIssued;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * Publishes verdicts to faultline.verdicts through the kit's publisher, keyed by experiment id, and counts each
 * published verdict by outcome ({@code faultline_verdicts_total{outcome}}).
 */
@Singleton
public class KafkaVerdictSink implements VerdictSink {

    /** Verdicts published, tagged {@code outcome} (HELD, NOT_HELD, PARTIALLY_HELD, ABORTED, ...). */
    public static final String VERDICTS = "faultline.verdicts";

    private final EventPublisher publisher;
    private final MeterRegistry meters;

    public KafkaVerdictSink(EventPublisher publisher, MeterRegistry meters) {
        this.publisher = publisher;
        this.meters = meters;
    }

    @Override
    public void publish(VerdictIssued verdict) {
        publisher.publish(verdict);
        meters.counter(VERDICTS, "outcome", verdict.getOutcome().name()).increment();
    }
}
