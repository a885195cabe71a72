package dev.faultline.injector.halt;

import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.events.EventDispatch;
import dev.faultline.kit.events.EventListenerSupport;
import dev.faultline.kit.events.FaultlineListener;
import dev.faultline.schemas.avro.HaltLifted;
import dev.faultline.schemas.avro.HaltRequested;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.configuration.kafka.annotation.Topic;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The listener on faultline.control, in a group of its own so that a halt never waits behind a starting run. Before
 * it consumes, it replays the topic from offset zero, so the halts still in force (requested, not lifted) are known
 * and a run they match does not start. Every instance reads every halt: its group is this instance's alone
 * ({@code injector-service-control_<uuid>}), since the run a halt stops may be on any instance.
 */
@FaultlineListener(groupId = "${faultline.injector.group-id:injector-service}-control", uniqueGroupId = true)
public class HaltListener extends EventListenerSupport {

    private final HaltHandler halts;

    public HaltListener(EventDispatch dispatch, HaltHandler halts, KafkaSettings settings) {
        super(dispatch);
        this.halts = halts;
        replayThenFollow(settings, List.of(Topics.Names.CONTROL), event -> {
            if (event instanceof HaltRequested halt) {
                halts.remember(halt, halt.getHeader().getExperimentId());
            } else if (event instanceof HaltLifted lifted) {
                halts.onLifted(lifted);
            }
        });
    }

    @Topic(Topics.Names.CONTROL)
    void receive(ConsumerRecord<String, byte[]> record) {
        dispatch(record, event -> {
            event.as(HaltRequested.class).ifPresent(halt -> halts.onHalt(halt, event.key()));
            event.as(HaltLifted.class).ifPresent(halts::onLifted);
        });
    }
}
