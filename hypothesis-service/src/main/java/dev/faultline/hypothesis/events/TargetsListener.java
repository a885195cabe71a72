package dev.faultline.hypothesis.events;

import dev.faultline.hypothesis.target.Targets;
import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.events.EventDispatch;
import dev.faultline.kit.events.EventListenerSupport;
import dev.faultline.kit.events.FaultlineListener;
import dev.faultline.kit.events.IncomingEvent;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.configuration.kafka.annotation.Topic;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The declared targets ({@link Targets}), an in-memory read model of the compacted faultline.targets: replayed from
 * offset zero in the constructor, so that no proposal is drafted before every declaration is known (the
 * {@link ExperimentListener} waits for this bean); then the listener, in the stable group
 * {@code hypothesis-service-targets}, goes on from where the replay ended.
 */
@FaultlineListener(groupId = "${faultline.hypothesis.group-id:hypothesis-service}-targets")
public class TargetsListener extends EventListenerSupport {

    private final Targets targets;

    public TargetsListener(EventDispatch dispatch, Targets targets, KafkaSettings settings) {
        super(dispatch);
        this.targets = targets;
        replayThenFollow(settings, List.of(Topics.Names.TARGETS), this::declare);
    }

    @Topic(Topics.Names.TARGETS)
    void receive(ConsumerRecord<String, byte[]> record) {
        dispatch(record, this::handle);
    }

    void handle(IncomingEvent event) {
        declare(event.value());
    }

    private void declare(SpecificRecord event) {
        if (event instanceof TargetDeclared declared) {
            targets.declare(declared);
        }
    }
}
