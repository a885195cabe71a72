package dev.faultline.hypothesis.events;

import dev.faultline.hypothesis.failuremode.FailureModeCatalog;
import dev.faultline.hypothesis.target.Targets;
import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.events.EventDispatch;
import dev.faultline.kit.events.EventListenerSupport;
import dev.faultline.kit.events.FaultlineListener;
import dev.faultline.kit.events.IncomingEvent;
import dev.faultline.schemas.avro.FailureModeDeclared;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.configuration.kafka.annotation.Topic;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What teams declare, as in-memory read models of two compacted topics: the targets ({@link Targets}, from
 * faultline.targets) and the failure-mode templates they add ({@link FailureModeCatalog}, from
 * faultline.failure-modes). Both are replayed from offset zero in the constructor, so that no proposal is drafted
 * before every declaration is known (the {@link ExperimentListener} waits for this bean); then the listener, in the
 * stable group {@code hypothesis-service-declarations}, goes on from where the replay ended.
 */
@FaultlineListener(groupId = "${faultline.hypothesis.group-id:hypothesis-service}-declarations")
public class DeclarationsListener extends EventListenerSupport {

    private final Targets targets;
    private final FailureModeCatalog catalog;

    public DeclarationsListener(EventDispatch dispatch, Targets targets, FailureModeCatalog catalog,
                                KafkaSettings settings) {
        super(dispatch);
        this.targets = targets;
        this.catalog = catalog;
        replayThenFollow(settings, List.of(Topics.Names.TARGETS, Topics.Names.FAILURE_MODES), this::declare);
    }

    @Topic({Topics.Names.TARGETS, Topics.Names.FAILURE_MODES})
    void receive(ConsumerRecord<String, byte[]> record) {
        dispatch(record, this::handle);
    }

    void handle(IncomingEvent event) {
        declare(event.value());
    }

    private void declare(SpecificRecord event) {
        if (event instanceof TargetDeclared declared) {
            targets.declare(declared);
        } else if (event instanceof FailureModeDeclared template) {
            catalog.declare(template);
        }
    }
}
