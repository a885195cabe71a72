package dev.faultline.analysis.watchdog;

import dev.faultline.analysis.AnalysisSettings;
import dev.faultline.kit.KafkaSettings;
import dev.faultline.schemas.topics.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** {@link IntakeProgress} from Kafka: the end offsets of the listener's topics and its group's committed offsets. */
@Singleton
class KafkaIntakeProgress implements IntakeProgress, AutoCloseable {

    private static final List<String> TOPICS = List.of(Topics.Names.HYPOTHESES, Topics.Names.SAFETY,
            Topics.Names.INJECTIONS, Topics.Names.EVIDENCE);
    private static final long TIMEOUT_SECONDS = 10;

    private final KafkaSettings kafka;
    private final String groupId;
    private Admin admin;

    KafkaIntakeProgress(KafkaSettings kafka, AnalysisSettings settings) {
        this.kafka = kafka;
        this.groupId = settings.groupId();
    }

    @Override
    public Map<String, Long> endsNow() {
        try {
            Map<TopicPartition, OffsetSpec> latest = admin().describeTopics(TOPICS).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).values().stream()
                    .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            return admin().listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(end -> end.getKey().toString(), end -> end.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the end offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the end offsets of " + TOPICS + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean reached(Map<String, Long> ends) {
        try {
            Map<String, Long> committed = admin().listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).entrySet().stream()
                    .filter(entry -> entry.getValue() != null)
                    .collect(Collectors.toMap(entry -> entry.getKey().toString(), entry -> entry.getValue().offset()));
            return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                    || committed.getOrDefault(end.getKey(), 0L) >= end.getValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the committed offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the committed offsets of " + groupId + ": " + e.getMessage(), e);
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafka.clientProperties());
        }
        return admin;
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }
}
