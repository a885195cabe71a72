package dev.faultline.kit.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/** Where Kafka's default partitioner puts a record's string key: murmur2 of its UTF-8 bytes, modulo the partitions. */
public final class KeyPartitions {

    private KeyPartitions() {
    }

    public static int of(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
