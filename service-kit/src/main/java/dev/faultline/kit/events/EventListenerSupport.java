package dev.faultline.kit.events;

import io.micronaut.configuration.kafka.ConsumerSeekAware;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerExceptionHandler;
import io.micronaut.configuration.kafka.seek.KafkaSeekOperation;
import io.micronaut.configuration.kafka.seek.KafkaSeeker;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The base of every {@link FaultlineListener}: its {@code @Topic} method takes the raw record and calls
 * {@link #dispatch}, so that the record's bytes stay at hand for the dead-letter topic; a handler failure that
 * survives the retries reaches {@link #handle(KafkaListenerException)} and is dead-lettered with its reason. A
 * listener that builds a projection replays from offset zero when {@link #rebuildsFromStart()}.
 */
public abstract class EventListenerSupport implements KafkaListenerExceptionHandler, ConsumerSeekAware {

    private final EventDispatch dispatch;
    private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();

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

    /**
     * Whether this listener's tables must be rebuilt from offset zero now, whatever its group committed — a
     * projection whose keyspace this start created. Such a listener replays each partition once, on its first
     * assignment. A listener that decides and publishes (whose replay would answer old events again) keeps false.
     */
    protected boolean rebuildsFromStart() {
        return false;
    }

    /**
     * Where a partition starts when this listener is first assigned it: the beginning when it
     * {@link #rebuildsFromStart()}, else the group's committed offset (empty). Later assignments always resume there.
     */
    protected Optional<KafkaSeekOperation> firstPosition(TopicPartition partition) {
        return rebuildsFromStart() ? Optional.of(KafkaSeekOperation.seekToBeginning(partition)) : Optional.empty();
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions, KafkaSeeker seeker) {
        partitions.stream().filter(assigned::add).map(this::firstPosition).flatMap(Optional::stream)
                .forEach(seeker::perform);
    }
}
