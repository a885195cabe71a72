package dev.faultline.kit.testing;

import dev.faultline.devstack.DevStack;
import dev.faultline.schemas.serde.FaultlineAvroDeserializer;
import dev.faultline.schemas.serde.FaultlineSerdeConfig;
import dev.faultline.schemas.topics.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics from the beginning on a background thread with the schemas serde and keeps every (key, event)
 * it saw, for assertions; a record it cannot decode (other tests write malformed ones on purpose) is skipped. Shared by the services' integration tests (service-kit test-jar).
 */
public final class EventTap implements AutoCloseable {

    /** One event read, with its record key. */
    public record Seen(String key, SpecificRecord value) {
    }

    private final KafkaConsumer<String, SpecificRecord> consumer;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    public EventTap(DevStack stack, List<Topic> topics) {
        Map<String, Object> props = stack.kafkaClientProperties(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "event-tap-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                FaultlineSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl(),
                FaultlineSerdeConfig.SPECIFIC_AVRO_READER, true));
        FaultlineAvroDeserializer<SpecificRecord> values = new FaultlineAvroDeserializer<>();
        values.configure(props, false);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), values);
        consumer.subscribe(topics.stream().map(Topic::name).toList());
        thread = new Thread(() -> {
            try {
                while (running) {
                    try {
                        consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(new Seen(r.key(), r.value())));
                    } catch (RecordDeserializationException e) {
                        // another test's deliberately malformed record on a shared topic: not an event to assert on
                        consumer.seek(e.topicPartition(), e.offset() + 1);
                    }
                }
            } catch (WakeupException e) {
                // closing
            } finally {
                consumer.close();
            }
        }, "event-tap");
        thread.setDaemon(true);
        thread.start();
    }

    public <T extends SpecificRecord> List<T> events(Class<T> type, String key) {
        return seen.stream().filter(s -> key.equals(s.key()) && type.isInstance(s.value()))
                .map(s -> type.cast(s.value())).toList();
    }

    /** Every event seen so far, in the order it arrived. */
    public List<SpecificRecord> all() {
        return seen.stream().map(Seen::value).toList();
    }

    public <T extends SpecificRecord> Optional<T> first(Class<T> type, String key) {
        return events(type, key).stream().findFirst();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
