package dev.faultline.demo;

import dev.faultline.demo.http.HttpApp;
import dev.faultline.demo.storefront.StorefrontApp;
import dev.faultline.demo.storefront.StorefrontConfig;
import dev.faultline.demo.orders.ShopKafka;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the storefront: {@code StorefrontMain [--port 18080] [--pricing-url http://127.0.0.1:18091]
 * [--pricing-timeout-ms 1200] [--cache-ttl-ms 1000] [--kafka-bootstrap-servers HOST:PORT]}; SIGTERM stops it.
 * Without {@code --kafka-bootstrap-servers} it announces no order events.
 */
public final class StorefrontMain {

    private StorefrontMain() {
    }

    public static void main(String[] args) throws Exception {
        StorefrontConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("storefront: " + e.getMessage());
            System.exit(2);
            return;
        }
        HttpApp app = StorefrontApp.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "storefront-shutdown"));
        new CountDownLatch(1).await();
    }

    static StorefrontConfig parse(String[] args) {
        StorefrontConfig defaults = StorefrontConfig.defaults();
        Flags flags = Flags.parse(args, List.of("--port", "--pricing-url", "--pricing-timeout-ms", "--cache-ttl-ms",
                "--kafka-bootstrap-servers", "--kafka-config"));
        return new StorefrontConfig(flags.number("--port", defaults.port()),
                flags.text("--pricing-url", defaults.pricingUrl()),
                Duration.ofMillis(flags.number("--pricing-timeout-ms", (int) defaults.pricingTimeout().toMillis())),
                Duration.ofMillis(flags.number("--cache-ttl-ms", (int) defaults.cacheTtl().toMillis())),
                defaults.products(), ShopKafka.of(flags.text("--kafka-bootstrap-servers", null),
                        flags.text("--kafka-config", null)));
    }
}
