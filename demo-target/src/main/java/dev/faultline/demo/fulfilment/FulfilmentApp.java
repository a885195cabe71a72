package dev.faultline.demo.fulfilment;

import dev.faultline.demo.http.HttpApp;
import dev.faultline.demo.http.Response;
import dev.faultline.demo.http.Route;
import dev.faultline.demo.orders.OrderTopics;
import dev.faultline.demo.storefront.ProductCatalog;
import dev.faultline.demo.storefront.StorefrontConfig;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fulfilment: consumes the storefront's order events from demo.orders, reserves stock for the valid ones and
 * dead-letters the rest onto demo.orders.dlq; serves {@code GET /health} (503 until its consumer owns the topic's
 * partitions, or once it stopped) and {@code GET /metrics}.
 */
public final class FulfilmentApp {

    private FulfilmentApp() {
    }

    /** Creates the order topics if missing, starts consuming and serving; closing the app stops both. */
    public static HttpApp start(FulfilmentConfig config) throws IOException {
        OrderTopics.ensure(config.kafka());
        PrometheusRegistry registry = new PrometheusRegistry();
        FulfilmentMetrics metrics = new FulfilmentMetrics(registry);
        StockReservations stock = new StockReservations();
        OrderIntake intake = new OrderIntake(new OrderValidator(),
                new OrderProcessor(new ProductCatalog(StorefrontConfig.defaults().products()), stock),
                config.maxAttempts(), config.retryBackoff(), duration -> Thread.sleep(duration.toMillis()),
                metrics::retried);
        LagMonitor lag = new LagMonitor(config.kafka(), config.groupId(), metrics::lag);
        DeadLetters deadLetters = new DeadLetters(config.kafka());
        FulfilmentConsumer consumer = new FulfilmentConsumer(config.kafka(), config.groupId(), intake,
                deadLetters, metrics, lag);
        List<Route> routes = List.of(new Route("GET", "/health", request -> health(consumer.notRunning())));
        HttpApp app;
        try {
            app = HttpApp.start("fulfilment", config.port(), 8, routes, registry);
        } catch (IOException | RuntimeException e) {
            lag.close();
            deadLetters.close();
            throw e;
        }
        // closed last first: the consumer, then the dead-letter producer it uses, then the lag monitor
        app.closing(lag).closing(deadLetters).closing(consumer);
        consumer.start();
        lag.start();
        return app;
    }

    private static Response health(Optional<String> notRunning) {
        if (notRunning.isEmpty()) {
            return Response.json(200, Map.of("status", "UP"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "DOWN");
        body.put("reason", notRunning.get());
        return Response.json(503, body);
    }
}
