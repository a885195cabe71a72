package dev.faultline.kit.events;

import dev.faultline.kit.KafkaSettings;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.serde.FaultlineAvroSerializer;
import dev.faultline.schemas.topics.Topic;
import dev.faultline.schemas.topics.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes a service's events to the one topic {@link Topics} assigns to each event type, keyed by experiment id
 * unless a key is given, and waits for the broker's acknowledgement: when {@code publish} returns, the event is
 * durable. Idempotent producer, {@code acks=all}; the event header's {@code traceparent} also travels as a Kafka
 * header so that tracing tools that read record headers see it.
 */
@Singleton
public class EventPublisher implements AutoCloseable {

    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final KafkaProducer<String, SpecificRecord> producer;

    public EventPublisher(KafkaSettings settings) {
        Map<String, Object> props = settings.clientProperties();
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, settings.serviceName() + "-publisher");
        FaultlineAvroSerializer<SpecificRecord> values = new FaultlineAvroSerializer<>();
        values.configure(props, false);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), values);
    }

    /** Publishes an event keyed by its header's experiment id. */
    public RecordMetadata publish(SpecificRecord event) {
        return publish(headerOf(event).getExperimentId(), event);
    }

    /** Publishes an event under an explicit key (halt targets, calendar entry ids, dead letters). */
    public RecordMetadata publish(String key, SpecificRecord event) {
        Topic topic = Topics.forValueType(event.getClass());
        ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(topic.name(), key, event);
        String traceparent = headerOf(event).getTraceparent();
        if (traceparent != null) {
            record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        }
        try {
            return producer.send(record).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + event.getClass().getSimpleName(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish " + event.getClass().getSimpleName() + " to " + topic.name()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The common header every Faultline event carries as its field {@code header}. */
    public static EventHeader headerOf(SpecificRecord event) {
        int field = event.getSchema().getField("header").pos();
        return (EventHeader) event.get(field);
    }

    @PreDestroy
    @Override
    public void close() {
        producer.close();
    }
}
