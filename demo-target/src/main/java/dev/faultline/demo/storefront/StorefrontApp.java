package dev.faultline.demo.storefront;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.demo.http.BadRequestException;
import dev.faultline.demo.http.HttpApp;
import dev.faultline.demo.http.Json;
import dev.faultline.demo.http.Request;
import dev.faultline.demo.http.Response;
import dev.faultline.demo.http.Route;
import dev.faultline.demo.orders.OrderTopics;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The storefront's HTTP adapter: product reads through the {@link PriceCache}, orders through the
 * {@link OrderService} (each announced on Kafka when a cluster is configured), the cache switch for experiments,
 * health and metrics.
 */
public final class StorefrontApp {

    private final ProductCatalog catalog;
    private final PriceCache cache;
    private final OrderService orders;

    private StorefrontApp(ProductCatalog catalog, PriceCache cache, OrderService orders) {
        this.catalog = catalog;
        this.cache = cache;
        this.orders = orders;
    }

    /** Starts a storefront with {@code config}; 64 worker threads, as reads may block on pricing. */
    public static HttpApp start(StorefrontConfig config) throws IOException {
        PrometheusRegistry metrics = new PrometheusRegistry();
        Counter lookups = Counter.builder().name("storefront_cache_lookups_total")
                .help("price lookups of product reads by result: hit, miss (refreshed), stale (served expired), bypass")
                .labelNames("result").withoutExemplars().register(metrics);
        PricingClient pricing = new MeteredPricingClient(
                new HttpPricingClient(config.pricingUrl(), config.pricingTimeout()), metrics);
        ProductCatalog catalog = new ProductCatalog(config.products());
        PriceCache cache = new PriceCache(pricing, Clock.systemUTC(), config.cacheTtl(),
                source -> lookups.labelValues(source.header()).inc());
        KafkaOrderEvents events = null;
        if (config.kafka() != null) {
            OrderTopics.ensure(config.kafka());
            events = new KafkaOrderEvents(config.kafka(), metrics);
        }
        StorefrontApp app = new StorefrontApp(catalog, cache, new OrderService(pricing, catalog,
                events == null ? OrderEvents.NONE : events, Clock.systemUTC()));
        HttpApp http = HttpApp.start("storefront", config.port(), 64, app.routes(), metrics);
        return events == null ? http : http.closing(events);
    }

    private List<Route> routes() {
        return List.of(
                new Route("GET", "/products/{id}", this::read),
                new Route("POST", "/orders", this::order),
                new Route("POST", "/admin/cache", this::switchCache),
                new Route("GET", "/admin/cache", request -> Response.json(200, Map.of("enabled", cache.isEnabled()))),
                new Route("GET", "/health", request -> Response.json(200, Map.of("status", "UP"))));
    }

    private Response read(Request request) {
        String id = request.param("id");
        Optional<String> name = catalog.nameOf(id);
        if (name.isEmpty()) {
            return Response.error(404, "unknown product " + id);
        }
        try {
            PriceLookup lookup = cache.lookup(id);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", id);
            body.put("name", name.get());
            body.put("price", lookup.price().amount());
            body.put("currency", lookup.price().currency());
            body.put("priceAgeMillis", lookup.ageMillis());
            return Response.json(200, body).withHeader("X-Cache", lookup.source().header());
        } catch (PricingUnavailableException e) {
            return unavailable("no price for " + id + ": " + e.getMessage());
        }
    }

    private Response order(Request request) {
        OrderRequest parsed = OrderRequest.parse(request.body());
        try {
            Order order = orders.place(parsed);
            return Response.json(201, order).withHeader("Location", "/orders/" + order.orderId());
        } catch (OrderService.UnknownProductException e) {
            return Response.error(404, e.getMessage());
        } catch (PricingUnavailableException e) {
            return unavailable("cannot price the order now: " + e.getMessage());
        }
    }

    private Response switchCache(Request request) {
        JsonNode enabled = Json.readObject(request.body()).get("enabled");
        if (enabled == null || !enabled.isBoolean()) {
            throw new BadRequestException("enabled is required (true or false)");
        }
        cache.setEnabled(enabled.booleanValue());
        return Response.json(200, Map.of("enabled", cache.isEnabled()));
    }

    private static Response unavailable(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 503);
        body.put("error", message);
        body.put("retryAfterSeconds", StorefrontConfig.RETRY_AFTER_SECONDS);
        return Response.json(503, body).withHeader("Retry-After", Integer.toString(StorefrontConfig.RETRY_AFTER_SECONDS));
    }
}
