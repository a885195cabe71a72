package dev.faultline.cli.e2e;

import static org.awaitility.Awaitility.await;

import dev.faultline.cli.http.KafkaEndpoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the demo shop's own topics (plain records, not Faultline's events) from the beginning to their end now, with
 * no consumer group: what a team would do to find the records an experiment wrote, by their headers.
 */
final class DemoTopicReader {

    static final String ORDERS = "demo.orders";
    static final String DEAD_LETTERS = "demo.orders.dlq";

    private DemoTopicReader() {
    }

    /** Every record of {@code topic} whose header {@code header} is {@code value}. */
    static List<ConsumerRecord<String, byte[]>> withHeader(KafkaEndpoint kafka, String topic, String header, String value) {
        return readAll(kafka, topic).stream().filter(record -> value.equals(header(record, header))).toList();
    }

    static List<ConsumerRecord<String, byte[]>> readAll(KafkaEndpoint kafka, String topic) {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 << 20);
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                reader.poll(Duration.ofMillis(200)).forEach(all::add);
                return partitions.stream().allMatch(p -> reader.position(p) >= ends.get(p));
            });
        }
        return all;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
