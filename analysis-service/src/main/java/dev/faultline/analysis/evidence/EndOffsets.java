package dev.faultline.analysis.evidence;

import dev.faultline.kit.KafkaSettings;
import dev.faultline.schemas.topics.Topic;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The end offsets of topics right now, keyed "topic-partition": how far the backlog at start-up reaches. */
public final class EndOffsets {

    private EndOffsets() {
    }

    public static Map<String, Long> of(KafkaSettings settings, List<Topic> topics) {
        Map<String, Long> ends = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(new HashMap<>(settings.clientProperties()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic.name()).stream())
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.endOffsets(partitions).forEach((partition, end) -> ends.put(partition.toString(), end));
        }
        return ends;
    }
}
