package dev.faultline.injector.fault;

import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.events.EventDispatch;
import dev.faultline.kit.events.EventListenerSupport;
import dev.faultline.kit.events.FaultlineListener;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.configuration.kafka.annotation.Topic;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The declared proxy routes ({@link TargetRoutes}), read from the compacted faultline.targets: replayed from offset
 * zero in the constructor, so that no clearance runs before every declared route is known (the clearance listener
 * waits for this bean); then the listener goes on from where the replay ended, in a group of this instance's own
 * ({@code injector-service-targets_<uuid>}), so that each instance follows every partition.
 */
@FaultlineListener(groupId = "${faultline.injector.group-id:injector-service}-targets", uniqueGroupId = true)
public class TargetsListener extends EventListenerSupport {

    private final TargetRoutes routes;

    public TargetsListener(EventDispatch dispatch, TargetRoutes routes, KafkaSettings settings) {
        super(dispatch);
        this.routes = routes;
        replayThenFollow(settings, List.of(Topics.Names.TARGETS), this::declare);
    }

    @Topic(Topics.Names.TARGETS)
    void receive(ConsumerRecord<String, byte[]> record) {
        dispatch(record, event -> declare(event.value()));
    }

    private void declare(SpecificRecord event) {
        if (event instanceof TargetDeclared declared) {
            routes.declare(declared);
        }
    }
}
