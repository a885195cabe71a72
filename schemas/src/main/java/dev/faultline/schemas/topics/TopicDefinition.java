package dev.faultline.schemas.topics;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * How a topic is created. Nothing is ever deleted by age or size, so an auditor can replay from offset zero;
 * topics that are tables (latest value per key) are compacted instead.
 */
public record TopicDefinition(String name, int partitions, boolean compacted) {

    public TopicDefinition {
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + " needs at least one partition");
        }
    }

    /** An event log kept forever. */
    public static TopicDefinition log(String name, int partitions) {
        return new TopicDefinition(name, partitions, false);
    }

    /** A table: compacted, the latest record per key kept forever. */
    public static TopicDefinition table(String name, int partitions) {
        return new TopicDefinition(name, partitions, true);
    }

    /** The topic-level configuration. */
    public Map<String, String> configs() {
        return Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, compacted ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.RETENTION_BYTES_CONFIG, "-1");
    }

    /** The admin request creating this topic with {@code replicationFactor} replicas (1 on the devstack). */
    public NewTopic toNewTopic(short replicationFactor) {
        return new NewTopic(name, Optional.of(partitions), Optional.of(replicationFactor)).configs(configs());
    }
}
