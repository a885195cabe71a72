package dev.faultline.injector.run;

import dev.faultline.injector.recovery.LeftoverRecovery;
import dev.faultline.kit.events.EventDispatch;
import dev.faultline.kit.events.EventListenerSupport;
import dev.faultline.kit.events.FaultlineListener;
import dev.faultline.schemas.avro.PreflightPassed;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The listener on faultline.safety: each PreflightPassed goes to the {@link RunLauncher}. Before it consumes
 * anything, injections left over by a dead injector process are closed ({@link LeftoverRecovery}).
 */
@FaultlineListener(groupId = "${faultline.injector.group-id:injector-service}-safety")
public class ClearanceListener extends EventListenerSupport {

    private final RunLauncher launcher;

    public ClearanceListener(EventDispatch dispatch, RunLauncher launcher, LeftoverRecovery recovery) {
        super(dispatch);
        this.launcher = launcher;
        recovery.recover();
    }

    @Topic(Topics.Names.SAFETY)
    void receive(ConsumerRecord<String, byte[]> record) {
        dispatch(record, event -> event.as(PreflightPassed.class).ifPresent(launcher::onPreflightPassed));
    }
}
