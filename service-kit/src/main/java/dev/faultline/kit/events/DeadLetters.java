package dev.faultline.kit.events;

import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.metrics.EventMetrics;
import dev.faultline.schemas.avro.DeadLetter;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends a record that cannot be processed to {@code faultline.dlq}, with its bytes unchanged and the reason. */
@Singleton
public class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final EventPublisher publisher;
    private final EventMetrics metrics;
    private final String service;
    private final Clock clock;

    public DeadLetters(EventPublisher publisher, EventMetrics metrics, KafkaSettings settings) {
        this(publisher, metrics, settings.serviceName(), Clock.systemUTC());
    }

    DeadLetters(EventPublisher publisher, EventMetrics metrics, String service, Clock clock) {
        this.publisher = publisher;
        this.metrics = metrics;
        this.service = service;
        this.clock = clock;
    }

    /**
     * @param category what went wrong in a word, for the dead-letter counter ({@code unreadable}, {@code invalid},
     *                 {@code handler-failed})
     */
    public void send(ConsumerRecord<String, byte[]> record, String category, String reason, Throwable error) {
        String key = record.key() == null ? "" : record.key();
        DeadLetter letter = DeadLetter.newBuilder()
                .setHeader(EventHeaders.first(key, Actors.service(service), clock))
                .setSourceTopic(record.topic())
                .setSourcePartition(record.partition())
                .setSourceOffset(record.offset())
                .setSourceTimestamp(record.timestamp() >= 0 ? Instant.ofEpochMilli(record.timestamp()) : null)
                .setKey(record.key() == null ? null : ByteBuffer.wrap(record.key().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .setValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
                .setReason(reason)
                .setErrorClass(error == null ? "" : error.getClass().getName())
                .setService(service)
                .build();
        publisher.publish(key, letter);
        metrics.deadLettered(record.topic(), category);
        LOG.warn("dead-lettered {}-{}@{} (key '{}'): {}", record.topic(), record.partition(), record.offset(), key, reason);
    }
}
