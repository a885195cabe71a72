package dev.faultline.kit.events;

import dev.faultline.kit.KafkaSettings;
import io.micronaut.configuration.kafka.ConsumerSeekAware;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerExceptionHandler;
import io.micronaut.configuration.kafka.seek.KafkaSeekOperation;
import io.micronaut.configuration.kafka.seek.KafkaSeeker;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The base of every {@link FaultlineListener}: its {@code @Topic} method takes the raw record and calls
 * {@link #dispatch}, so that the record's bytes stay at hand for the dead-letter topic; a handler failure that
 * survives the retries reaches {@link #handle(KafkaListenerException)} and is dead-lettered with its reason. A batch
 * listener ({@link FaultlineBatchListener}) names its {@link BatchEventHandler} at construction and its
 * {@code @Topic} method takes the poll's raw {@code ConsumerRecords} and calls {@link #dispatchAll}. A listener that
 * builds a projection replays from offset zero when {@link #rebuildsFromStart()}.
 */
public abstract class EventListenerSupport implements KafkaListenerExceptionHandler, ConsumerSeekAware {

    private static final Logger LOG = LoggerFactory.getLogger(EventListenerSupport.class);

    private final EventDispatch dispatch;
    private final BatchEventHandler pollHandler;
    private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();
    private volatile Map<TopicPartition, Long> followFrom = Map.of();

    protected EventListenerSupport(EventDispatch dispatch) {
        this(dispatch, null);
    }

    /** A batch listener, whose polls {@code pollHandler} handles ({@link #dispatchAll}). */
    protected EventListenerSupport(EventDispatch dispatch, BatchEventHandler pollHandler) {
        this.dispatch = dispatch;
        this.pollHandler = pollHandler;
    }

    /** Decodes the record and hands it to {@code handler}; see {@link EventDispatch#dispatch}. */
    protected void dispatch(ConsumerRecord<String, byte[]> record, EventHandler handler) {
        dispatch.dispatch(record, handler);
    }

    /** Decodes a poll's records and hands them to this batch listener's handler; see {@link EventDispatch#dispatchAll}. */
    protected void dispatchAll(ConsumerRecords<String, byte[]> records) {
        dispatch.dispatchAll(records, Objects.requireNonNull(pollHandler, "not a batch listener: no BatchEventHandler"));
    }

    /**
     * Applies to this listener's read model, before it consumes anything, every record of {@code topics} from where
     * its group {@code groupId} stands (offset zero when it {@link #rebuildsFromStart()}) to the topics' current end,
     * so that the first decision it takes already sees every event published before this start, its own answers
     * included. The listener then reads the same records again, so {@code apply} must be idempotent. A record that
     * cannot be decoded or applied is skipped here: the listener meets it again and dead-letters it.
     */
    protected void catchUp(KafkaSettings settings, String groupId, List<String> topics, Consumer<SpecificRecord> apply) {
        read(settings, topics, rebuildsFromStart() ? null : groupId, apply);
    }

    /**
     * Hands every event of {@code topics}, from offset zero to their current end, to {@code apply}: what a store
     * this start created is restored from, or an in-memory read model built. Records that cannot be decoded or
     * applied are skipped, with a warning. Returns where each partition ended.
     */
    protected Map<TopicPartition, Long> replay(KafkaSettings settings, List<String> topics, Consumer<SpecificRecord> apply) {
        return read(settings, topics, null, apply);
    }

    /**
     * Builds an in-memory read model: replays {@code topics} from offset zero into {@code apply} (see {@link #replay}),
     * then the listener follows the topics from where the replay ended ({@link #followFrom}).
     */
    protected void replayThenFollow(KafkaSettings settings, List<String> topics, Consumer<SpecificRecord> apply) {
        followFrom(replay(settings, topics, apply));
    }

    /** Partitions of {@code ends}, when first assigned, start at those offsets: a replay already read what is before. */
    protected void followFrom(Map<TopicPartition, Long> ends) {
        followFrom = Map.copyOf(ends);
    }

    private Map<TopicPartition, Long> read(KafkaSettings settings, List<String> topics, String groupId,
                                           Consumer<SpecificRecord> apply) {
        Map<TopicPartition, Long> end = TopicReplay.readToEnd(settings, topics, groupId,
                record -> dispatch.decode(record).ifPresent(event -> {
                    try {
                        apply.accept(event);
                    } catch (RuntimeException e) {
                        LOG.warn("reading {}-{}@{} before consuming failed; skipped", record.topic(),
                                record.partition(), record.offset(), e);
                    }
                }));
        LOG.info("{} read {} up to {}", getClass().getSimpleName(), topics, end);
        return end;
    }

    /**
     * A record, or a batch listener's poll, that still failed after the retries: the record is dead-lettered; the
     * poll's records are handled one by one and those that fail alone are dead-lettered.
     */
    @Override
    public void handle(KafkaListenerException exception) {
        if (pollHandler == null) {
            dispatch.exhausted(exception);
        } else {
            dispatch.exhausted(exception, pollHandler);
        }
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
     * Where a partition starts when this listener is first assigned it: where a replay ended ({@link #followFrom}),
     * else the beginning when it {@link #rebuildsFromStart()}, else the group's committed offset (empty). Later assignments always resume there.
     */
    protected Optional<KafkaSeekOperation> firstPosition(TopicPartition partition) {
        Long replayedTo = followFrom.get(partition);
        if (replayedTo != null) {
            return Optional.of(KafkaSeekOperation.seek(partition, replayedTo));
        }
        return rebuildsFromStart() ? Optional.of(KafkaSeekOperation.seekToBeginning(partition)) : Optional.empty();
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions, KafkaSeeker seeker) {
        partitions.stream().filter(assigned::add).map(this::firstPosition).flatMap(Optional::stream)
                .forEach(seeker::perform);
    }
}
