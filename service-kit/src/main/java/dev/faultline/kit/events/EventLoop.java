package dev.faultline.kit.events;

import dev.faultline.schemas.serde.FaultlineAvroDeserializer;
import dev.faultline.schemas.serde.FaultlineSerdeConfig;
import dev.faultline.schemas.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer thread that reads topics from the beginning (for a new group), decodes each record with the
 * Confluent wire-format deserializer and hands it to an {@link EventHandler}. A record that cannot be decoded,
 * is invalid, or keeps failing goes to the dead-letter topic with the reason, and the loop goes on: one bad
 * record never stops a service. Offsets are committed after the records are handled (at-least-once), so
 * handlers must be idempotent. Reads committed data only, so aborted transactions are never seen.
 */
public final class EventLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);
    private static final int ATTEMPTS = 3;

    private final String name;
    private final KafkaConsumer<String, byte[]> consumer;
    private final FaultlineAvroDeserializer<SpecificRecord> values;
    private final EventHandler handler;
    private final DeadLetters deadLetters;
    private final Thread thread;
    private volatile boolean running = true;

    EventLoop(String groupId, List<Topic> topics, EventHandler handler, DeadLetters deadLetters, Map<String, Object> clientProps) {
        this.name = groupId;
        Map<String, Object> props = new java.util.HashMap<>(clientProps);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        props.put(FaultlineSerdeConfig.SPECIFIC_AVRO_READER, true);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.values = new FaultlineAvroDeserializer<>();
        this.values.configure(props, false);
        this.handler = handler;
        this.deadLetters = deadLetters;
        this.consumer.subscribe(topics.stream().map(Topic::name).toList());
        this.thread = new Thread(this::run, "events-" + groupId);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, byte[]> record : records) {
                    process(record);
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("event loop {} stopped", name, e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void process(ConsumerRecord<String, byte[]> record) {
        SpecificRecord value;
        try {
            if (record.value() == null) {
                deadLetters.send(record, "record has no value (tombstone) on an event topic", null);
                return;
            }
            value = values.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            deadLetters.send(record, "unreadable record: " + e.getMessage(), e);
            return;
        }
        IncomingEvent event = new IncomingEvent(record.topic(), record.partition(), record.offset(), record.key(), value,
                Instant.ofEpochMilli(record.timestamp()));
        for (int attempt = 1; ; attempt++) {
            try {
                handler.handle(event);
                return;
            } catch (InvalidEventException e) {
                deadLetters.send(record, "invalid " + value.getClass().getSimpleName() + ": " + e.getMessage(), e);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (attempt >= ATTEMPTS) {
                    deadLetters.send(record, "handling " + value.getClass().getSimpleName() + " failed " + ATTEMPTS
                            + " times: " + e, e);
                    return;
                }
                LOG.warn("handling {} at {}-{}@{} failed (attempt {}), retrying", value.getClass().getSimpleName(),
                        record.topic(), record.partition(), record.offset(), attempt, e);
                sleep(200L << attempt);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
