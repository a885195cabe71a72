package dev.faultline.catalog.streams;

import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.schemas.avro.DeadLetter;
import dev.faultline.schemas.serde.FaultlineSerdes;
import dev.faultline.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the topology running past records it cannot read: each one becomes a {@link DeadLetter} on
 * {@code faultline.dlq} (bytes unchanged, with the reason), written by Streams' own producer so that under
 * exactly-once it commits with the skipped offset. Configured by class name; the registry URL comes from the
 * Streams configuration.
 */
public class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    static final String SERVICE = "catalog-service";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private Map<String, ?> configs;
    private Serializer<DeadLetter> serializer;
    private final Clock clock = Clock.systemUTC();

    @Override
    public void configure(Map<String, ?> configs) {
        this.configs = configs;
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception error) {
        String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
        String reason = "cannot deserialize: " + error.getMessage();
        DeadLetter letter = DeadLetter.newBuilder()
                .setHeader(EventHeaders.first(key, Actors.service(SERVICE), clock))
                .setSourceTopic(record.topic())
                .setSourcePartition(record.partition())
                .setSourceOffset(record.offset())
                .setSourceTimestamp(record.timestamp() >= 0 ? Instant.ofEpochMilli(record.timestamp()) : null)
                .setKey(record.key() == null ? null : ByteBuffer.wrap(record.key()))
                .setValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
                .setReason(reason)
                .setErrorClass(error.getClass().getName())
                .setService(SERVICE)
                .build();
        try {
            String topic = Topics.DEAD_LETTERS.name();
            byte[] value = serializer().serialize(topic, letter);
            LOG.warn("dead-lettered {}-{}@{} (key '{}'): {}", record.topic(), record.partition(), record.offset(), key, reason);
            return Response.resume(List.of(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)));
        } catch (RuntimeException e) {
            LOG.error("skipped unreadable {}-{}@{} ({}); the dead letter could not be written either: {}", record.topic(),
                    record.partition(), record.offset(), reason, e.getMessage());
            return Response.resume();
        }
    }

    private synchronized Serializer<DeadLetter> serializer() {
        if (serializer == null) {
            serializer = FaultlineSerdes.specific(DeadLetter.class, configs).serializer();
        }
        return serializer;
    }
}
