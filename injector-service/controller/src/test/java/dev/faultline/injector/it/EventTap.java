package dev.faultline.injector.it;

import dev.faultline.devstack.DevStack;
import dev.faultline.schemas.serde.FaultlineAvroDeserializer;
import dev.faultline.schemas.serde.FaultlineSerdeConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads topics from the beginning on a background thread and keeps every record, for assertions by key. */
public final class EventTap implements AutoCloseable {

    /** One record read. */
    public record Read(String topic, String key, SpecificRecord value) {
    }

    private final List<Read> records = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    public EventTap(DevStack stack, List<String> topics) {
        Map<String, Object> props = new HashMap<>(stack.kafkaClientProperties(Map.of(ConsumerConfig.GROUP_ID_CONFIG, "injector-it-tap-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                FaultlineSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl(), FaultlineSerdeConfig.SPECIFIC_AVRO_READER, true)));
        FaultlineAvroDeserializer<SpecificRecord> values = new FaultlineAvroDeserializer<>();
        values.configure(props, false);
        KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(props, new StringDeserializer(), values);
        consumer.subscribe(topics);
        thread = new Thread(() -> {
            try (consumer) {
                while (running) {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> records.add(new Read(r.topic(), r.key(), r.value())));
                }
            }
        }, "event-tap");
        thread.setDaemon(true);
        thread.start();
    }

    public <T extends SpecificRecord> List<T> of(String key, Class<T> type) {
        return records.stream().filter(r -> key.equals(r.key()) && type.isInstance(r.value())).map(r -> type.cast(r.value())).toList();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
