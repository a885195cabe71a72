package dev.faultline.demo;

import dev.faultline.demo.http.HttpApp;
import dev.faultline.demo.shipping.ShippingApp;
import dev.faultline.demo.shipping.ShippingConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the shipping service: {@code ShippingMain [--port 18081] [--carrier-url http://127.0.0.1:18093]
 * [--carrier-timeout-ms 500] [--flat-rate-cents 1490]}; SIGTERM stops it.
 */
public final class ShippingMain {

    private ShippingMain() {
    }

    public static void main(String[] args) throws Exception {
        ShippingConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("shipping: " + e.getMessage());
            System.exit(2);
            return;
        }
        HttpApp app = ShippingApp.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shipping-shutdown"));
        new CountDownLatch(1).await();
    }

    static ShippingConfig parse(String[] args) {
        ShippingConfig defaults = ShippingConfig.defaults();
        Flags flags = Flags.parse(args, List.of("--port", "--carrier-url", "--carrier-timeout-ms", "--flat-rate-cents"));
        return new ShippingConfig(flags.number("--port", defaults.port()),
                flags.text("--carrier-url", defaults.carrierUrl()),
                Duration.ofMillis(flags.number("--carrier-timeout-ms", (int) defaults.carrierTimeout().toMillis())),
                BigDecimal.valueOf(flags.number("--flat-rate-cents", defaults.flatRate().movePointRight(2).intValueExact()), 2));
    }
}
