package dev.faultline.cli.replay;

import dev.faultline.cli.http.KafkaEndpoint;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.kafka.KafkaPrincipal;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.serde.FaultlineAvroSerializer;
import dev.faultline.schemas.topics.Topic;
import dev.faultline.schemas.topics.TopicProvisioner;
import dev.faultline.schemas.topics.Topics;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events as the services do: each to its topic ({@code Topics.forValueType}), keyed by experiment id, by the
 * topic's one writer principal (the ACLs would refuse anyone else), in the order given.
 */
public final class ServicePublisher implements AutoCloseable {

    private static final Map<String, KafkaPrincipal> WRITERS = Map.of(
            Topics.PROPOSALS.name(), KafkaPrincipal.TOOL, Topics.HYPOTHESES.name(), KafkaPrincipal.HYPOTHESIS_SERVICE,
            Topics.SAFETY.name(), KafkaPrincipal.SAFETY_SERVICE, Topics.INJECTIONS.name(), KafkaPrincipal.INJECTOR_SERVICE,
            Topics.EVIDENCE.name(), KafkaPrincipal.INJECTOR_SERVICE, Topics.VERDICTS.name(), KafkaPrincipal.ANALYSIS_SERVICE);

    private final Map<KafkaPrincipal, KafkaProducer<String, SpecificRecord>> producers = new EnumMap<>(KafkaPrincipal.class);
    private final DevStack stack;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public ServicePublisher(DevStack stack) {
        this.stack = stack;
        try (Admin admin = Admin.create(stack.kafkaClientProperties())) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).createMissing((short) 1);
        }
    }

    /** Publishes the events in order and waits until all are written. */
    public void publish(List<SpecificRecord> events) throws Exception {
        send(events);
        producers.values().forEach(KafkaProducer::flush);
    }

    /** Sends the events in order (each topic's partition keeps it) without waiting for them to be written. */
    void send(List<SpecificRecord> events) {
        for (SpecificRecord event : events) {
            Topic topic = Topics.forValueType(event.getClass());
            String key = ((EventHeader) event.get(event.getSchema().getField("header").pos())).getExperimentId();
            producer(WRITERS.get(topic.name())).send(new ProducerRecord<>(topic.name(), key, event), (metadata, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
            });
        }
        if (failure.get() != null) {
            throw new IllegalStateException("publishing failed: " + failure.get(), failure.get());
        }
    }

    private KafkaProducer<String, SpecificRecord> producer(KafkaPrincipal principal) {
        return producers.computeIfAbsent(principal, p -> {
            Map<String, Object> config = endpoint(p).clientProperties();
            FaultlineAvroSerializer<SpecificRecord> values = new FaultlineAvroSerializer<>();
            values.configure(config, false);
            return new KafkaProducer<>(config, new StringSerializer(), values);
        });
    }

    KafkaEndpoint endpoint(KafkaPrincipal principal) {
        return KafkaEndpoint.of(stack.kafkaBootstrapServers(), stack.schemaRegistryUrl(),
                stack.kafkaClientConfig(principal).toString());
    }

    @Override
    public void close() {
        producers.values().forEach(KafkaProducer::close);
        if (failure.get() != null) {
            throw new IllegalStateException("publishing failed: " + failure.get(), failure.get());
        }
    }
}
