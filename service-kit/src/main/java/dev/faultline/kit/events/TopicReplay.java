package dev.faultline.kit.events;

import dev.faultline.kit.KafkaSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics up to the end they had when it started, before a service acts: a read model that must be complete
 * first (the verdicts already issued, the active halts, a projection's own answers). From offset zero with no
 * consumer group, or from where a consumer group stands (without joining or committing for it). Returns where each
 * partition ended, so that a listener can go on from there.
 */
public final class TopicReplay {

    private TopicReplay() {
    }

    /** Every record of {@code topics} from offset zero to their current end. */
    public static Map<TopicPartition, Long> readToEnd(KafkaSettings settings, List<String> topics,
                                                      Consumer<ConsumerRecord<String, byte[]>> each) {
        return readToEnd(settings, topics, null, each);
    }

    /**
     * The records of {@code topics} that consumer group {@code groupId} has not committed yet (all of them for a
     * partition it never committed, or when {@code groupId} is null), up to the topics' current end.
     */
    public static Map<TopicPartition, Long> readToEnd(KafkaSettings settings, List<String> topics, String groupId,
                                                      Consumer<ConsumerRecord<String, byte[]>> each) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(settings, groupId)) {
            List<TopicPartition> partitions = topics.stream().flatMap(topic -> consumer.partitionsFor(topic).stream())
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            if (groupId != null) {
                consumer.committed(new HashSet<>(partitions)).forEach((partition, committed) -> {
                    if (committed != null) {
                        consumer.seek(partition, committed.offset());
                    }
                });
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(each);
            }
            return end;
        }
    }

    /**
     * The records under {@code key} in {@code topic} (its one partition for the key, as the default partitioner places
     * it) from the first written at or after {@code since} up to the partition's current end: a few records looked for
     * again without reading the whole topic. Returns how many records of the partition it read.
     */
    public static long readKeySince(KafkaSettings settings, String topic, String key, Instant since,
                                    Consumer<ConsumerRecord<String, byte[]>> each) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(settings, null)) {
            int partitions = consumer.partitionsFor(topic).size();
            TopicPartition partition = new TopicPartition(topic, KeyPartitions.of(key, partitions));
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            OffsetAndTimestamp from = consumer.offsetsForTimes(Map.of(partition, since.toEpochMilli())).get(partition);
            if (from == null) {
                return 0; // nothing written since
            }
            consumer.seek(partition, from.offset());
            long read = 0;
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    read++;
                    if (key.equals(record.key())) {
                        each.accept(record);
                    }
                }
            }
            return read;
        }
    }

    /** A consumer of committed records that commits nothing, in {@code groupId} (null: none, partitions assigned). */
    private static KafkaConsumer<String, byte[]> consumer(KafkaSettings settings, String groupId) {
        Map<String, Object> props = new HashMap<>(settings.clientProperties());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        if (groupId != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
