package dev.faultline.injector.run;

import dev.faultline.injector.fault.TargetsListener;
import dev.faultline.injector.recovery.GroupMembers;
import dev.faultline.injector.recovery.LeftoverRecovery;
import dev.faultline.injector.recovery.RunHistory;
import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.cassandra.KeyspaceState;
import dev.faultline.kit.events.EventDispatch;
import dev.faultline.kit.events.EventListenerSupport;
import dev.faultline.kit.events.FaultlineListener;
import dev.faultline.schemas.avro.PreflightPassed;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.configuration.kafka.ConsumerAware;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.configuration.kafka.seek.KafkaSeeker;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener on faultline.safety: each PreflightPassed goes to the {@link RunLauncher}. Before it consumes
 * anything, a keyspace this start created is restored from the topics ({@link RunHistory}: the clearances that ran,
 * the injections still open), and injections left over by a dead injector process are closed
 * ({@link LeftoverRecovery}). Each time its consumer is assigned partitions it tells {@link GroupMembers} the member id
 * it joined the group as, which the heartbeats record.
 */
@FaultlineListener(groupId = ClearanceListener.GROUP)
public class ClearanceListener extends EventListenerSupport implements ConsumerAware<String, byte[]> {

    /** The consumer group the instances share faultline.safety's partitions in. */
    public static final String GROUP = "${faultline.injector.group-id:injector-service}-safety";

    private static final Logger LOG = LoggerFactory.getLogger(ClearanceListener.class);

    private final RunLauncher launcher;
    private final GroupMembers members;
    private Consumer<String, byte[]> consumer;

    /** @param targets built (the declared proxy routes replayed) before this listener consumes */
    public ClearanceListener(EventDispatch dispatch, RunLauncher launcher, LeftoverRecovery recovery, RunStore store,
                             KeyspaceState keyspace, KafkaSettings settings, TargetsListener targets,
                             GroupMembers members) {
        super(dispatch);
        this.launcher = launcher;
        this.members = members;
        if (keyspace.created()) {
            RunHistory history = new RunHistory();
            replay(settings, List.of(Topics.Names.SAFETY, Topics.Names.INJECTIONS), history::add);
            LOG.info("new keyspace: {} clearances that ran restored from the topics", history.restoreInto(store));
        }
        recovery.recover();
    }

    @Override
    public void setKafkaConsumer(Consumer<String, byte[]> consumer) {
        this.consumer = consumer;
    }

    /** On the consumer's own thread, inside its poll: the member id it joined as goes out with the heartbeats. */
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions, KafkaSeeker seeker) {
        super.onPartitionsAssigned(partitions, seeker);
        if (consumer != null) {
            members.joined(consumer.groupMetadata().memberId());
        }
    }

    @Topic(Topics.Names.SAFETY)
    void receive(ConsumerRecord<String, byte[]> record) {
        dispatch(record, event -> event.as(PreflightPassed.class).ifPresent(launcher::onPreflightPassed));
    }
}
