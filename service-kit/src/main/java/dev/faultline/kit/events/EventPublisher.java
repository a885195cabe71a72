package dev.faultline.kit.events;

import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.metrics.EventMetrics;
import dev.faultline.kit.tracing.EventTracing;
import dev.faultline.kit.tracing.Traced;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.serde.FaultlineSerdes;
import dev.faultline.schemas.topics.Topic;
import dev.faultline.schemas.topics.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes a service's events to the one topic {@link Topics} assigns to each event type, keyed by experiment id
 * unless a key is given, and waits for the broker's acknowledgement: when {@code publish} returns, the event is
 * durable. Idempotent producer, {@code acks=all}; each publish is a span ({@link EventTracing}) whose W3C context
 * travels in the event header and in the Kafka record headers.
 */
@Singleton
public class EventPublisher implements AutoCloseable {

    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final Producer<String, SpecificRecord> producer;
    private final EventTracing tracing;
    private final EventMetrics metrics;

    /** The producer micronaut-kafka makes (config {@code kafka.producers.faultline-events.*}); values by {@link AvroSerdeRegistry}. */
    @Inject
    public EventPublisher(@KafkaClient(id = "faultline-events", acks = KafkaClient.Acknowledge.ALL, properties = {
            @Property(name = ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, value = "true"),
            @Property(name = ProducerConfig.LINGER_MS_CONFIG, value = "0")}) Producer<String, SpecificRecord> producer,
                          EventTracing tracing, EventMetrics metrics) {
        this.producer = producer;
        this.tracing = tracing;
        this.metrics = metrics;
    }

    /**
     * A publisher outside a Micronaut context (tests, tools): a plain idempotent {@code acks=all} producer with the
     * same serde, closed by {@link #close()}.
     */
    public static EventPublisher standalone(KafkaSettings settings) {
        Map<String, Object> props = settings.clientProperties();
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, settings.serviceName() + "-publisher");
        return new Standalone(new KafkaProducer<>(props, new StringSerializer(), FaultlineSerdes.anyEvent(props).serializer()));
    }

    /** Publishes an event keyed by its header's experiment id. */
    public RecordMetadata publish(SpecificRecord event) {
        return publish(headerOf(event).getExperimentId(), event);
    }

    /** Publishes an event under an explicit key (halt targets, calendar entry ids, dead letters). */
    public RecordMetadata publish(String key, SpecificRecord event) {
        Topic topic = Topics.forValueType(event.getClass());
        ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(topic.name(), key, event);
        try (Traced traced = tracing.publish(topic.name(), event, record.headers())) {
            try {
                RecordMetadata written = producer.send(record).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                metrics.published(topic.name(), event.getClass().getSimpleName());
                return written;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                traced.fail(e);
                throw new IllegalStateException("interrupted while publishing " + event.getClass().getSimpleName(), e);
            } catch (ExecutionException | TimeoutException e) {
                traced.fail(e);
                throw new IllegalStateException("cannot publish " + event.getClass().getSimpleName() + " to " + topic.name()
                        + ": " + e.getMessage(), e);
            }
        }
    }

    /** The common header every Faultline event carries as its field {@code header}. */
    public static EventHeader headerOf(SpecificRecord event) {
        int field = event.getSchema().getField("header").pos();
        return (EventHeader) event.get(field);
    }

    /** The producer belongs to micronaut-kafka, which closes it with the context. */
    @Override
    public void close() {
    }

    private static final class Standalone extends EventPublisher {

        private final Producer<String, SpecificRecord> owned;

        Standalone(Producer<String, SpecificRecord> producer) {
            super(producer, EventTracing.disabled(), new EventMetrics(new SimpleMeterRegistry()));
            this.owned = producer;
        }

        @Override
        public void close() {
            owned.close();
        }
    }
}
