package dev.faultline.devstack.registry;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-partition compacted topic read back by one thread, in the manner of Confluent's
 * KafkaStore: every record is applied in log order, and a write returns only once the reader
 * has applied it (read-your-writes). On open it replays the topic to its end before returning.
 */
final class KafkaLogStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaLogStore.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final TopicPartition partition;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final BiConsumer<String, String> applier;
    private final Object progress = new Object();
    private final Thread reader;
    private long nextOffset;
    private volatile boolean running = true;

    private KafkaLogStore(Map<String, Object> kafka, String topic, BiConsumer<String, String> applier) {
        this.partition = new TopicPartition(topic, 0);
        this.applier = applier;
        this.producer = new KafkaProducer<>(with(kafka, Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0)), new StringSerializer(), new StringSerializer());
        this.consumer = new KafkaConsumer<>(with(kafka, Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")), new StringDeserializer(), new StringDeserializer());
        this.reader = new Thread(this::readLoop, "schema-registry-store");
        this.reader.setDaemon(true);
    }

    /**
     * Creates the compacted topic if needed and replays it into {@code applier}; {@code kafka} holds the client
     * settings (bootstrap servers and credentials) of the registry's principal.
     */
    static KafkaLogStore open(Map<String, Object> kafka, String topic, BiConsumer<String, String> applier) {
        Object bootstrap = kafka.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        ensureTopic(kafka, topic);
        KafkaLogStore store = new KafkaLogStore(kafka, topic, applier);
        store.consumer.assign(List.of(store.partition));
        store.consumer.seekToBeginning(List.of(store.partition));
        long end = store.consumer.endOffsets(List.of(store.partition), TIMEOUT).get(store.partition);
        store.reader.start();
        try {
            store.awaitApplied(end);
        } catch (RuntimeException e) {
            store.close();
            throw new IllegalStateException("cannot replay topic " + topic + " at " + bootstrap + ": " + e.getMessage(), e);
        }
        LOG.info("schema registry store replayed {} records from {}", end, topic);
        return store;
    }

    /** Appends a record (a null value is a tombstone) and waits until it has been applied. */
    void write(String key, String value) {
        long offset;
        try {
            offset = producer.send(new ProducerRecord<>(partition.topic(), 0, key, value))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryErrors.storeError("Interrupted while writing to the Kafka store");
        } catch (ExecutionException | TimeoutException e) {
            throw RegistryErrors.storeError("Failed to write to the Kafka store: " + e.getMessage());
        }
        awaitApplied(offset + 1);
    }

    private void awaitApplied(long target) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        synchronized (progress) {
            while (nextOffset < target) {
                long waitMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (waitMs <= 0 || !running) {
                    throw RegistryErrors.timeout("Timed out waiting for the Kafka store to reach offset " + target);
                }
                try {
                    progress.wait(waitMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw RegistryErrors.timeout("Interrupted while waiting for the Kafka store");
                }
            }
        }
    }

    private void readLoop() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(record);
                }
                long position = consumer.position(partition);
                synchronized (progress) {
                    nextOffset = position;
                    progress.notifyAll();
                }
            }
        } catch (WakeupException e) {
            // close() woke us up
        } catch (RuntimeException e) {
            LOG.error("schema registry store reader stopped", e);
        } finally {
            running = false;
            synchronized (progress) {
                progress.notifyAll();
            }
            consumer.close();
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        try {
            applier.accept(record.key(), record.value());
        } catch (RuntimeException e) {
            LOG.warn("skipping unreadable schema registry record at offset {}: {}", record.offset(), e.getMessage());
        }
    }

    private static Map<String, Object> with(Map<String, Object> kafka, Map<String, Object> more) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.putAll(more);
        return props;
    }

    private static void ensureTopic(Map<String, Object> kafka, String topic) {
        Object bootstrap = kafka.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        try (Admin admin = Admin.create(kafka)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact")))).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("created compacted topic {}", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out creating topic " + topic + " at " + bootstrap, e);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            reader.join(TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
