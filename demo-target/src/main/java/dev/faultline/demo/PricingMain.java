package dev.faultline.demo;

import dev.faultline.demo.http.HttpApp;
import dev.faultline.demo.pricing.PricingApp;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Runs the pricing service: {@code PricingMain [--port 18090]}; SIGTERM stops it. */
public final class PricingMain {

    private PricingMain() {
    }

    public static void main(String[] args) throws Exception {
        Flags flags;
        try {
            flags = Flags.parse(args, List.of("--port"));
        } catch (IllegalArgumentException e) {
            System.err.println("pricing: " + e.getMessage());
            System.exit(2);
            return;
        }
        HttpApp app = PricingApp.start(flags.number("--port", 18090));
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "pricing-shutdown"));
        new CountDownLatch(1).await();
    }
}
