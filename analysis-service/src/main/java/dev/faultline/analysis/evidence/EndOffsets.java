package dev.faultline.analysis.evidence;

import dev.faultline.kit.KafkaSettings;
import dev.faultline.schemas.topics.Topic;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the backlog at start-up reaches, keyed "topic-partition": the end offset of each partition that a consumer
 * group has not yet read to the end (every non-empty partition when the group is null: a replay from offset zero).
 * A partition the group has already committed to its end has no backlog.
 */
public final class EndOffsets {

    private EndOffsets() {
    }

    public static Map<String, Long> unread(KafkaSettings settings, List<Topic> topics, String groupId) {
        try (Admin admin = Admin.create(settings.clientProperties())) {
            Set<String> names = topics.stream().map(Topic::name).collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(names).allTopicNames().get().values().stream()
                    .flatMap(description -> description.partitions().stream()
                            .map(p -> new TopicPartition(description.name(), p.partition())))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            Map<TopicPartition, OffsetAndMetadata> committed = groupId == null ? Map.of()
                    : admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
            Map<String, Long> unread = new HashMap<>();
            ends.forEach((partition, end) -> {
                OffsetAndMetadata done = committed.get(partition);
                if (done == null || done.offset() < end.offset()) {
                    unread.put(partition.toString(), end.offset());
                }
            });
            return unread;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the start-up backlog", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the start-up backlog: " + e.getCause().getMessage(), e);
        }
    }
}
