package dev.faultline.kit.events;

import dev.faultline.kit.KafkaSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
        Map<String, Object> props = new HashMap<>(settings.clientProperties());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        if (groupId != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
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
}
