package dev.faultline.demo;

import dev.faultline.demo.fulfilment.FulfilmentApp;
import dev.faultline.demo.fulfilment.FulfilmentConfig;
import dev.faultline.demo.http.HttpApp;
import dev.faultline.demo.orders.ShopKafka;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs fulfilment: {@code FulfilmentMain [--port 18082] [--kafka-bootstrap-servers 127.0.0.1:9092]
 * [--max-attempts 4] [--retry-backoff-ms 250]}; SIGTERM stops it.
 */
public final class FulfilmentMain {

    private FulfilmentMain() {
    }

    public static void main(String[] args) throws Exception {
        FulfilmentConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("fulfilment: " + e.getMessage());
            System.exit(2);
            return;
        }
        HttpApp app = FulfilmentApp.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "fulfilment-shutdown"));
        new CountDownLatch(1).await();
    }

    static FulfilmentConfig parse(String[] args) {
        FulfilmentConfig defaults = FulfilmentConfig.defaults();
        Flags flags = Flags.parse(args, List.of("--port", "--kafka-bootstrap-servers", "--kafka-config", "--max-attempts",
                "--retry-backoff-ms"));
        return new FulfilmentConfig(flags.number("--port", defaults.port()),
                ShopKafka.of(flags.text("--kafka-bootstrap-servers", defaults.kafka().bootstrapServers()),
                        flags.text("--kafka-config", null)), defaults.groupId(),
                flags.number("--max-attempts", defaults.maxAttempts()),
                Duration.ofMillis(flags.number("--retry-backoff-ms", (int) defaults.retryBackoff().toMillis())));
    }
}
