package dev.faultline.safety.records;

import org.apache.avro.specific.SpecificRecord;

/**
 * How safety-service records a decision: it publishes the event, then applies that same event to its
 * {@link SafetyRecords}, so that its next answer already sees it. Nothing is saved that is not an event; reading the
 * event back from the topic applies it again, harmlessly.
 */
public final class SafetyLog {

    private final SafetyEvents events;
    private final SafetyRecords records;

    public SafetyLog(SafetyEvents events, SafetyRecords records) {
        this.events = events;
        this.records = records;
    }

    public <T extends SpecificRecord> T record(T event) {
        events.publish(event);
        records.apply(event);
        return event;
    }
}
