package dev.faultline.kit.testing;

import dev.faultline.kit.events.KeyPartitions;
import dev.faultline.schemas.topics.Topics;
import java.util.Set;

/** Experiment ids that land where a test needs them: on a partition one instance of a service owns. */
public final class PartitionedKeys {

    private PartitionedKeys() {
    }

    /** The first of {@code prefix}0, {@code prefix}1, … that the default partitioner puts on one of {@code partitions}. */
    public static String keyOn(Set<Integer> partitions, String prefix) {
        for (int i = 0; ; i++) {
            String key = prefix + i;
            if (partitions.contains(KeyPartitions.of(key, Topics.EXPERIMENT_PARTITIONS))) {
                return key;
            }
        }
    }
}
