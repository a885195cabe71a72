package dev.faultline.injector.run;

import dev.faultline.injector.fault.TargetsListener;
import dev.faultline.injector.recovery.LeftoverRecovery;
import dev.faultline.injector.recovery.RunHistory;
import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.cassandra.KeyspaceState;
import dev.faultline.kit.events.EventDispatch;
import dev.faultline.kit.events.EventListenerSupport;
import dev.faultline.kit.events.FaultlineListener;
import dev.faultline.schemas.avro.PreflightPassed;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.configuration.kafka.annotation.Topic;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener on faultline.safety: each PreflightPassed goes to the {@link RunLauncher}. Before it consumes
 * anything, a keyspace this start created is restored from the topics ({@link RunHistory}: the clearances that ran,
 * the injections still open), and injections left over by a dead injector process are closed
 * ({@link LeftoverRecovery}).
 */
@FaultlineListener(groupId = "${faultline.injector.group-id:injector-service}-safety")
public class ClearanceListener extends EventListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ClearanceListener.class);

    private final RunLauncher launcher;

    /** @param targets built (the declared proxy routes replayed) before this listener consumes */
    public ClearanceListener(EventDispatch dispatch, RunLauncher launcher, LeftoverRecovery recovery, RunStore store,
                             KeyspaceState keyspace, KafkaSettings settings, TargetsListener targets) {
        super(dispatch);
        this.launcher = launcher;
        if (keyspace.created()) {
            RunHistory history = new RunHistory();
            replay(settings, List.of(Topics.Names.SAFETY, Topics.Names.INJECTIONS), history::add);
            LOG.info("new keyspace: {} clearances that ran restored from the topics", history.restoreInto(store));
        }
        recovery.recover();
    }

    @Topic(Topics.Names.SAFETY)
    void receive(ConsumerRecord<String, byte[]> record) {
        dispatch(record, event -> event.as(PreflightPassed.class).ifPresent(launcher::onPreflightPassed));
    }
}
