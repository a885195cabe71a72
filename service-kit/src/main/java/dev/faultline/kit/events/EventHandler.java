package dev.faultline.kit.events;

/**
 * What a service does with one event. Throw {@link InvalidEventException} for an event that can never be
 * processed (it goes to the dead-letter topic at once); any other exception is retried (see {@link FaultlineListener}), then the
 * event goes to the dead-letter topic too. Either way the listener goes on with the next event.
 */
@FunctionalInterface
public interface EventHandler {

    void handle(IncomingEvent event) throws Exception;
}
