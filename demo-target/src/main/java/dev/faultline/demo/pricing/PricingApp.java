package dev.faultline.demo.pricing;

import dev.faultline.demo.http.HttpApp;
import dev.faultline.demo.http.Response;
import dev.faultline.demo.http.Route;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The pricing service: {@code GET /prices/{id}}, {@code GET /health}, {@code GET /metrics}. */
public final class PricingApp {

    private PricingApp() {
    }

    /** Starts serving on {@code port} (0 = a free port). */
    public static HttpApp start(int port) throws IOException {
        PriceBook book = new PriceBook();
        List<Route> routes = List.of(
                new Route("GET", "/prices/{id}", request -> {
                    String id = request.param("id");
                    if (!book.isValidId(id)) {
                        return Response.error(404, "unknown product " + id);
                    }
                    Price price = book.priceOf(id);
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("productId", price.productId());
                    body.put("amount", price.amount());
                    body.put("currency", price.currency());
                    return Response.json(200, body);
                }),
                new Route("GET", "/health", request -> Response.json(200, Map.of("status", "UP"))));
        return HttpApp.start("pricing", port, 16, routes, new PrometheusRegistry());
    }
}
