package dev.faultline.demo;

import dev.faultline.demo.carrier.CarrierApp;
import dev.faultline.demo.http.HttpApp;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Runs the carrier: {@code CarrierMain [--port 18092]}; SIGTERM stops it. */
public final class CarrierMain {

    private CarrierMain() {
    }

    public static void main(String[] args) throws Exception {
        Flags flags;
        try {
            flags = Flags.parse(args, List.of("--port"));
        } catch (IllegalArgumentException e) {
            System.err.println("carrier: " + e.getMessage());
            System.exit(2);
            return;
        }
        HttpApp app = CarrierApp.start(flags.number("--port", 18092));
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "carrier-shutdown"));
        new CountDownLatch(1).await();
    }
}
