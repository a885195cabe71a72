package dev.faultline.schemas;

import dev.faultline.devstack.DevStack;
import dev.faultline.schemas.serde.FaultlineAvroDeserializer;
import dev.faultline.schemas.serde.FaultlineAvroSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain Kafka clients on the devstack, configured the way any application configures Faultline's serde: by class
 * name and {@code schema.registry.url} (with the administrator's credentials), nothing else.
 */
public final class KafkaTestClients {

    private KafkaTestClients() {
    }

    public static Map<String, Object> serdeConfig(DevStack stack) {
        return Map.of("schema.registry.url", stack.schemaRegistryUrl(), "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", stack.schemaRegistryUserInfo());
    }

    public static <V> KafkaProducer<String, V> producer(DevStack stack, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(serdeConfig(stack));
        config.putAll(stack.kafkaClientProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, FaultlineAvroSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putAll(overrides);
        return new KafkaProducer<>(config);
    }

    public static <V> KafkaConsumer<String, V> consumer(DevStack stack, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(serdeConfig(stack));
        config.putAll(stack.kafkaClientProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "schemas-it-" + UUID.randomUUID());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, FaultlineAvroDeserializer.class.getName());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.putAll(overrides);
        return new KafkaConsumer<>(config);
    }

    public static Admin admin(DevStack stack) {
        return Admin.create(stack.kafkaClientProperties());
    }

    /** Assigns every partition of {@code topics} from the beginning (no group join, so no rebalance wait). */
    public static void assignFromStart(KafkaConsumer<?, ?> consumer, List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls once and returns the records (a short poll, for use inside Awaitility). */
    public static <V> List<ConsumerRecord<String, V>> poll(KafkaConsumer<String, V> consumer) {
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records;
    }
}
