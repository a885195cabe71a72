package dev.faultline.cli.declared;

import dev.faultline.cli.ServiceOptions;
import dev.faultline.cli.http.KafkaEndpoint;
import dev.faultline.schemas.serde.FaultlineSerdeConfig;
import dev.faultline.schemas.serde.FaultlineSerdes;
import dev.faultline.schemas.topics.Topic;
import dev.faultline.schemas.topics.TopicProvisioner;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A topic the CLI writes to straight, as another tool would: the calendar entries and incidents it reports, and the
 * local stack's demo targets, published before hypothesis-service (whose admin API writes targets otherwise) is up.
 * Reads the latest record per key, and publishes records (acks=all, idempotent), creating the topic when it is
 * missing.
 *
 * @param <T> the event type
 */
public final class CliTopic<T extends SpecificRecord> {

    private final Topic topic;
    private final Class<T> type;
    private final KafkaEndpoint kafka;
    private final Map<String, Object> serde;
    private boolean provisioned;

    public CliTopic(Topic topic, Class<T> type, KafkaEndpoint kafka) {
        this.topic = topic;
        this.type = type;
        this.kafka = kafka;
        Map<String, Object> serde = new HashMap<>(kafka.clientProperties());
        serde.put(FaultlineSerdeConfig.SPECIFIC_AVRO_READER, true);
        this.serde = Map.copyOf(serde);
    }

    /** The topic at the Kafka and registry {@code services} name. */
    public static <T extends SpecificRecord> CliTopic<T> of(Topic topic, Class<T> type, ServiceOptions services) {
        return new CliTopic<>(topic, type, services.endpoints().kafkaEndpoint());
    }

    /** The latest declaration of every key on the topic (withdrawn ones included). */
    public Map<String, T> current() {
        createMissing();
        Map<String, Object> props = new HashMap<>(serde);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, T> latest = new LinkedHashMap<>();
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                FaultlineSerdes.anyEvent(serde).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (type.isInstance(record.value())) {
                        latest.put(record.key(), type.cast(record.value()));
                    }
                });
            }
        }
        return latest;
    }

    /** Publishes {@code records} by key, in order, each acknowledged by every in-sync replica. */
    public void publish(Map<String, T> records, String clientId) {
        createMissing();
        Map<String, Object> props = new HashMap<>(serde);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(props, new StringSerializer(),
                FaultlineSerdes.anyEvent(serde).serializer())) {
            for (Map.Entry<String, T> record : records.entrySet()) {
                producer.send(new ProducerRecord<>(topic.name(), record.getKey(), record.getValue())).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + topic.name(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + topic.name() + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /** Creates the topic when it is missing, once for this instance (reading and then publishing asks once). */
    private void createMissing() {
        if (provisioned) {
            return;
        }
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).createMissing(List.of(topic), (short) 1);
            provisioned = true;
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot reach Kafka at " + kafka.bootstrapServers() + ": " + e.getMessage(), e);
        }
    }
}
