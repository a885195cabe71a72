package dev.faultline.demo.shipping;

import dev.faultline.demo.http.HttpApp;
import dev.faultline.demo.http.Request;
import dev.faultline.demo.http.Response;
import dev.faultline.demo.http.Route;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shipping service's HTTP adapter: {@code GET /quotes/{zone}} through the {@link QuoteService} (the carrier,
 * else the flat rate, named by {@code X-Rate-Source}), health and metrics.
 */
public final class ShippingApp {

    private final QuoteService quotes;

    private ShippingApp(QuoteService quotes) {
        this.quotes = quotes;
    }

    /** Starts a shipping service with {@code config}; 32 worker threads, as quotes may wait on the carrier. */
    public static HttpApp start(ShippingConfig config) throws IOException {
        PrometheusRegistry metrics = new PrometheusRegistry();
        Counter given = Counter.builder().name("shipping_quotes_total")
                .help("quotes given, by source: carrier (its rate) or fallback (the flat rate)")
                .labelNames("source").withoutExemplars().register(metrics);
        // both series exist from the start, at 0: a rate of fallbacks is readable before the first one
        Arrays.stream(Quote.Source.values()).forEach(source -> given.initLabelValues(source.label()));
        CarrierClient carrier = new MeteredCarrierClient(
                new HttpCarrierClient(config.carrierUrl(), config.carrierTimeout()), metrics);
        ShippingApp app = new ShippingApp(new QuoteService(carrier, config.flatRate(),
                source -> given.labelValues(source.label()).inc()));
        return HttpApp.start("shipping", config.port(), 32, app.routes(), metrics);
    }

    private List<Route> routes() {
        return List.of(
                new Route("GET", "/quotes/{zone}", this::quote),
                new Route("GET", "/health", request -> Response.json(200, Map.of("status", "UP"))));
    }

    private Response quote(Request request) {
        String zone = request.param("zone");
        Optional<Quote> quote = quotes.quote(zone);
        if (quote.isEmpty()) {
            return Response.error(404, "no shipping to zone " + zone + "; zones: "
                    + QuoteService.ZONES.stream().sorted().toList());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("zone", zone);
        body.put("amount", quote.get().amount());
        body.put("currency", quote.get().currency());
        body.put("deliveryDays", quote.get().deliveryDays());
        body.put("source", quote.get().source().label());
        return Response.json(200, body).withHeader("X-Rate-Source", quote.get().source().label());
    }
}
