package dev.faultline.demo.carrier;

import dev.faultline.demo.http.HttpApp;
import dev.faultline.demo.http.Response;
import dev.faultline.demo.http.Route;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The carrier, the shipping service's dependency: {@code GET /rates/{zone}}, {@code GET /health}, {@code GET /metrics}. */
public final class CarrierApp {

    private CarrierApp() {
    }

    /** Starts serving on {@code port} (0 = a free port). */
    public static HttpApp start(int port) throws IOException {
        RateBook book = new RateBook();
        List<Route> routes = List.of(
                new Route("GET", "/rates/{zone}", request -> {
                    String zone = request.param("zone");
                    if (!book.isValidZone(zone)) {
                        return Response.error(404, "unknown zone " + zone);
                    }
                    Rate rate = book.rateOf(zone);
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("zone", rate.zone());
                    body.put("amount", rate.amount());
                    body.put("currency", rate.currency());
                    body.put("deliveryDays", rate.deliveryDays());
                    return Response.json(200, body);
                }),
                new Route("GET", "/health", request -> Response.json(200, Map.of("status", "UP"))));
        return HttpApp.start("carrier", port, 16, routes, new PrometheusRegistry());
    }
}
