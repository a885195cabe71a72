package dev.faultline.cli.targets;

import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.serde.FaultlineSerdeConfig;
import dev.faultline.schemas.serde.FaultlineSerdes;
import dev.faultline.schemas.topics.TopicProvisioner;
import dev.faultline.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * faultline.targets, the compacted topic of declared targets (key {@code ENVIRONMENT/service}, the CLI its one
 * writer): reads what is declared now, and applies a file's declarations — each service declared again, and each
 * service of the file's environments that the file no longer names declared {@code removed}.
 */
public final class TargetsTopic {

    /** What applying a file changed: services declared, and services removed. */
    public record Applied(List<String> declared, List<String> removed) {
    }

    private final String bootstrapServers;
    private final Map<String, Object> serde;

    public TargetsTopic(String bootstrapServers, String schemaRegistryUrl) {
        this.bootstrapServers = bootstrapServers;
        this.serde = Map.of(FaultlineSerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl,
                FaultlineSerdeConfig.SPECIFIC_AVRO_READER, true);
    }

    public static String keyOf(Environment environment, String service) {
        return environment.name() + "/" + service;
    }

    /** The latest declaration of every target on the topic (removed ones included), by key. */
    public Map<String, TargetDeclared> current() {
        Map<String, Object> props = new HashMap<>(serde);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, TargetDeclared> latest = new LinkedHashMap<>();
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                FaultlineSerdes.anyEvent(serde).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.Names.TARGETS, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.value() instanceof TargetDeclared declared) {
                        latest.put(record.key(), declared);
                    }
                });
            }
        }
        return latest;
    }

    /** Publishes {@code declarations} (acks=all, idempotent) and the removals they imply. */
    public Applied apply(List<TargetDeclared> declarations, Clock clock) {
        createTopic();
        Map<String, TargetDeclared> before = current();
        Set<Environment> environments = declarations.stream().map(TargetDeclared::getEnvironment).collect(Collectors.toSet());
        Set<String> keys = declarations.stream().map(d -> keyOf(d.getEnvironment(), d.getService()))
                .collect(Collectors.toSet());
        List<TargetDeclared> removals = before.entrySet().stream()
                .filter(e -> !e.getValue().getRemoved() && environments.contains(e.getValue().getEnvironment())
                        && !keys.contains(e.getKey()))
                .map(e -> removal(e.getValue(), declarations.get(0).getHeader(), clock)).toList();
        Map<String, Object> props = new HashMap<>(serde);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "faultline-cli-targets");
        List<TargetDeclared> all = new ArrayList<>(declarations);
        all.addAll(removals);
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(props, new StringSerializer(),
                FaultlineSerdes.anyEvent(serde).serializer())) {
            for (TargetDeclared declared : all) {
                producer.send(new ProducerRecord<>(Topics.Names.TARGETS,
                        keyOf(declared.getEnvironment(), declared.getService()), declared)).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing targets", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish targets to " + Topics.Names.TARGETS + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
        return new Applied(declarations.stream().map(d -> keyOf(d.getEnvironment(), d.getService())).toList(),
                removals.stream().map(d -> keyOf(d.getEnvironment(), d.getService())).toList());
    }

    private void createTopic() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).createMissing(List.of(Topics.TARGETS), (short) 1);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot reach Kafka at " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }

    private static TargetDeclared removal(TargetDeclared last, EventHeader like, Clock clock) {
        return TargetDeclared.newBuilder(last).setRemoved(true).setHeader(EventHeader.newBuilder(like)
                .setEventId(UUID.randomUUID()).setOccurredAt(clock.instant()).build()).build();
    }
}
