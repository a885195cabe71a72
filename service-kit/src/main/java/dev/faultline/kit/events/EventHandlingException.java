package dev.faultline.kit.events;

/** A handler failed on an event of type {@code eventType}: micronaut-kafka's error strategy retries the record. */
public final class EventHandlingException extends RuntimeException {

    private final String eventType;

    EventHandlingException(String eventType, Throwable cause) {
        super("handling " + eventType + " failed: " + cause, cause);
        this.eventType = eventType;
    }

    public String eventType() {
        return eventType;
    }
}
