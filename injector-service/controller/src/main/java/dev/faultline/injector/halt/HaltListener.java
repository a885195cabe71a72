package dev.faultline.injector.halt;

import dev.faultline.kit.events.EventDispatch;
import dev.faultline.kit.events.EventListenerSupport;
import dev.faultline.kit.events.FaultlineListener;
import dev.faultline.schemas.avro.HaltRequested;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The listener on faultline.control, in a group of its own so that a halt never waits behind a starting run. */
@FaultlineListener(groupId = "${faultline.injector.group-id:injector-service}-control")
public class HaltListener extends EventListenerSupport {

    private final HaltHandler halts;

    public HaltListener(EventDispatch dispatch, HaltHandler halts) {
        super(dispatch);
        this.halts = halts;
    }

    @Topic(Topics.Names.CONTROL)
    void receive(ConsumerRecord<String, byte[]> record) {
        dispatch(record, event -> event.as(HaltRequested.class).ifPresent(halt -> halts.onHalt(halt, event.key())));
    }
}
