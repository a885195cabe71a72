package dev.faultline.kit.events;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * What a batch listener does with a whole poll of events ({@link EventDispatch#dispatchAll}): every event's work is
 * started in poll order without waiting for the one before, so that a poll's store writes overlap, and the work that
 * needs them all runs once per poll. Handling one event alone ({@link #handle}) is a poll of that one event: the
 * same code, which is how the records of a poll that kept failing are handled one by one before the failing ones
 * are dead-lettered. The same rules as for {@link EventHandler}: {@link InvalidEventException} for an event that can
 * never be processed, anything else is retried (a poll's work throws unchecked exceptions only); and every handling
 * must be idempotent, since a retried poll starts its events again.
 */
public interface BatchEventHandler extends EventHandler {

    /** The handling of a new poll. */
    Poll poll();

    @Override
    default void handle(IncomingEvent event) {
        Poll poll = poll();
        CompletionStage<?> handled = poll.start(event);
        poll.flush();
        try {
            handled.toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        poll.finish();
    }

    /** One poll: its events started in poll order, flushed, then finished once all their stages have completed. */
    interface Poll {

        /**
         * Starts handling {@code event}; the stage completes when its own work (its store write) is done, or
         * exceptionally — with {@link InvalidEventException} for an event that can never be processed.
         */
        CompletionStage<?> start(IncomingEvent event);

        /**
         * Called once the poll's last event is started, before their stages are awaited: a poll that gathers its
         * events' writes (into one request per partition, say) sends them here.
         */
        default void flush() {
        }

        /** Runs once every started event's stage has completed normally: the work that needs the poll's events. */
        void finish();
    }
}
