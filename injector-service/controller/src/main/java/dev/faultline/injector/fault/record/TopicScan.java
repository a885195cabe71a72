package dev.faultline.injector.fault.record;

import dev.faultline.injector.fault.FaultException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What a {@link RecordWriter} reads of its topic, with a consumer of no group that never creates a topic: the end
 * offsets of its partitions, and a range of them searched for the records of one injection (by header).
 */
final class TopicScan {

    static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaCluster cluster;
    private final String topic;
    private final String clientId;

    TopicScan(KafkaCluster cluster, String topic, String clientId) {
        this.cluster = cluster;
        this.topic = topic;
        this.clientId = clientId;
    }

    /** "topic 'demo.orders' on Kafka 127.0.0.1:9092". */
    String where() {
        return "topic '" + topic + "' on Kafka " + cluster.bootstrapServers();
    }

    /** The end offset of every partition; {@link FaultException} when the topic does not exist or Kafka does not answer. */
    Map<Integer, Long> endOffsets() {
        try (KafkaConsumer<byte[], byte[]> reader = newConsumer()) {
            return reader.endOffsets(partitions(reader), KAFKA_TIMEOUT).entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().partition(), Map.Entry::getValue));
        } catch (KafkaException e) {
            throw new FaultException("cannot read " + where() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads every partition from just after {@code lastWritten} there (or from {@code endsAtStart} where nothing was
     * written) to its end now, counting the records whose {@code injectionHeader} is {@code injectionId}.
     */
    StopVerification after(Map<Integer, Long> lastWritten, Map<Integer, Long> endsAtStart, long written,
                           String injectionHeader, String injectionId) {
        try (KafkaConsumer<byte[], byte[]> reader = newConsumer()) {
            List<TopicPartition> partitions = partitions(reader);
            Map<TopicPartition, Long> to = reader.endOffsets(partitions, KAFKA_TIMEOUT);
            Map<Integer, Long> from = new HashMap<>();
            reader.assign(partitions);
            for (TopicPartition partition : partitions) {
                Long last = lastWritten.get(partition.partition());
                long start = last != null ? last + 1 : endsAtStart.getOrDefault(partition.partition(), 0L);
                from.put(partition.partition(), start);
                reader.seek(partition, start);
            }
            long scanned = 0;
            long found = 0;
            long deadline = System.nanoTime() + KAFKA_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> reader.position(p) < to.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    if (record.offset() >= to.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    scanned++;
                    Header header = record.headers().lastHeader(injectionHeader);
                    if (header != null && injectionId.equals(new String(header.value(), StandardCharsets.UTF_8))) {
                        found++;
                    }
                }
            }
            boolean complete = partitions.stream().allMatch(p -> reader.position(p) >= to.get(p));
            return new StopVerification(complete, written, scanned, found, from, to.entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().partition(), Map.Entry::getValue)));
        } catch (KafkaException e) {
            throw new FaultException("cannot read " + where() + " to verify the stop: " + e.getMessage(), e);
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> reader) {
        List<PartitionInfo> partitions = reader.partitionsFor(topic, KAFKA_TIMEOUT);
        if (partitions == null || partitions.isEmpty()) {
            throw new FaultException(where() + " does not exist: nothing is written to a topic Faultline would create");
        }
        return partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private KafkaConsumer<byte[], byte[]> newConsumer() {
        return new KafkaConsumer<>(cluster.clientProperties(Map.of(ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 << 20, ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis())),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
