package dev.faultline.demo.fulfilment;

import dev.faultline.demo.orders.ShopKafka;
import java.time.Duration;

/**
 * How fulfilment runs: its port (0 = free), the shop's Kafka cluster, its consumer group, how many attempts a record
 * gets before it is dead-lettered, and the wait before the first retry (doubled for each further one).
 */
public record FulfilmentConfig(int port, ShopKafka kafka, String groupId, int maxAttempts,
                               Duration retryBackoff) {

    public FulfilmentConfig {
        if (kafka == null) {
            throw new IllegalArgumentException("fulfilment needs the Kafka bootstrap servers of the shop");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1, was " + maxAttempts);
        }
    }

    /** 18082, Kafka on 127.0.0.1:9092, group {@code fulfilment}, 4 attempts, 250 ms (then 500, 1000). */
    public static FulfilmentConfig defaults() {
        return new FulfilmentConfig(18082, ShopKafka.at("127.0.0.1:9092"), "fulfilment", 4, Duration.ofMillis(250));
    }
}
