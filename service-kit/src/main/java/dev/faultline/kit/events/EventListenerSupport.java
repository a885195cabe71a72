package dev.faultline.kit.events;

import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerExceptionHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The base of every {@link FaultlineListener}: its {@code @Topic} method takes the raw record and calls
 * {@link #dispatch}, so that the record's bytes stay at hand for the dead-letter topic; a handler failure that
 * survives the retries reaches {@link #handle(KafkaListenerException)} and is dead-lettered with its reason.
 */
public abstract class EventListenerSupport implements KafkaListenerExceptionHandler {

    private final EventDispatch dispatch;

    protected EventListenerSupport(EventDispatch dispatch) {
        this.dispatch = dispatch;
    }

    /** Decodes the record and hands it to {@code handler}; see {@link EventDispatch#dispatch}. */
    protected void dispatch(ConsumerRecord<String, byte[]> record, EventHandler handler) {
        dispatch.dispatch(record, handler);
    }

    @Override
    public void handle(KafkaListenerException exception) {
        dispatch.exhausted(exception);
    }
}
