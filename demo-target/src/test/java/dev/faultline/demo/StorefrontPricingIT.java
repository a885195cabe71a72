package dev.faultline.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.demo.http.HttpApp;
import dev.faultline.demo.pricing.PricingApp;
import dev.faultline.demo.storefront.StorefrontApp;
import dev.faultline.demo.storefront.StorefrontConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The storefront and pricing over real loopback sockets, with a TCP forwarder standing in for the data plane. */
class StorefrontPricingIT {

    private static final Duration TTL = Duration.ofMillis(200);
    private static final Duration PRICING_TIMEOUT = Duration.ofMillis(400);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private HttpApp pricing;
    private TcpForwarder link;
    private HttpApp storefront;

    @BeforeEach
    void start() throws Exception {
        pricing = PricingApp.start(0);
        link = new TcpForwarder(pricing.port());
        storefront = StorefrontApp.start(new StorefrontConfig(0, "http://127.0.0.1:" + link.port(), PRICING_TIMEOUT, TTL, 50));
    }

    @AfterEach
    void stop() throws Exception {
        storefront.close();
        link.close();
        if (pricing != null) {
            pricing.close();
        }
    }

    @Test
    void shouldServeReadsFromTheCacheAndPriceOrdersLive() throws Exception {
        HttpResponse<String> first = get("/products/sku-1");
        HttpResponse<String> second = get("/products/sku-1");
        HttpResponse<String> order = post("/orders", "{\"productId\":\"sku-1\",\"quantity\":2}");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-Cache")).contains("miss");
        assertThat(second.headers().firstValue("X-Cache")).contains("hit");
        assertThat(order.statusCode()).isEqualTo(201);
        assertThat(order.body()).contains("\"orderId\":\"ord-1\"", "\"total\":");
        assertThat(get("/metrics").body()).contains(
                "storefront_cache_lookups_total{result=\"hit\"} 1",
                "storefront_http_requests_total{method=\"GET\",path=\"/products/{id}\",status=\"200\"} 2",
                "storefront_http_request_duration_seconds_bucket{method=\"POST\",path=\"/orders\",le=\"+Inf\"} 1");
        assertThat(send(HttpRequest.newBuilder(URI.create(pricing.baseUrl() + "/metrics")).build()).body())
                .contains("pricing_http_requests_total{method=\"GET\",path=\"/prices/{id}\",status=\"200\"} 2");
    }

    @Test
    void shouldServeStaleReadsAndRefuseOrdersWhenPricingIsStopped() throws Exception {
        Instant cached = cache("sku-1");
        pricing.close();
        pricing = null;
        awaitExpiry(cached);

        HttpResponse<String> read = get("/products/sku-1");
        HttpResponse<String> neverRead = get("/products/sku-2");
        HttpResponse<String> order = post("/orders", "{\"productId\":\"sku-1\",\"quantity\":1}");

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("X-Cache")).contains("stale");
        assertThat(neverRead.statusCode()).isEqualTo(503);
        assertThat(order.statusCode()).isEqualTo(503);
        assertThat(order.headers().firstValue("Retry-After")).contains("5");
        assertThat(order.body()).contains("\"error\":\"cannot price the order now", "\"retryAfterSeconds\":5");
        assertThat(get("/metrics").body()).contains("storefront_cache_lookups_total{result=\"stale\"} 1",
                "storefront_pricing_errors_total{kind=");
    }

    @Test
    void shouldMakeReadsWaitForThePricingTimeoutWhenPricingIsBlackholed() throws Exception {
        Instant cached = cache("sku-1");
        link.blackhole(true);
        awaitExpiry(cached);

        long started = System.nanoTime();
        HttpResponse<String> read = get("/products/sku-1");
        long readMillis = (System.nanoTime() - started) / 1_000_000;
        HttpResponse<String> order = post("/orders", "{\"productId\":\"sku-1\",\"quantity\":1}");

        // the documented gap: the stale price is served, but only after the whole pricing timeout
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("X-Cache")).contains("stale");
        assertThat(readMillis).isGreaterThanOrEqualTo(PRICING_TIMEOUT.toMillis());
        assertThat(order.statusCode()).isEqualTo(503);
        assertThat(order.headers().firstValue("Retry-After")).contains("5");

        link.blackhole(false);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(get("/products/sku-1").headers().firstValue("X-Cache")).contains("miss"));
    }

    @Test
    void shouldFailReadsWithoutTheCacheWhenPricingIsDown() throws Exception {
        HttpResponse<String> switched = post("/admin/cache", "{\"enabled\":false}");
        get("/products/sku-1");
        pricing.close();
        pricing = null;

        HttpResponse<String> read = get("/products/sku-1");

        assertThat(switched.body()).isEqualTo("{\"enabled\":false}");
        assertThat(read.statusCode()).isEqualTo(503);
        assertThat(read.headers().firstValue("Retry-After")).contains("5");
    }

    @Test
    void shouldAnswerBadRequestsWithJsonErrors() throws Exception {
        assertThat(post("/orders", "{\"productId\":").statusCode()).isEqualTo(400);
        assertThat(post("/orders", "{\"productId\":\"sku-1\",\"quantity\":0}").body()).contains("quantity must be 1-100");
        assertThat(post("/admin/cache", "{\"enabled\":\"no\"}").statusCode()).isEqualTo(400);
        assertThat(get("/products/sku-999").statusCode()).isEqualTo(404);
        assertThat(get("/nowhere").statusCode()).isEqualTo(404);
        assertThat(post("/products/sku-1", "{}").statusCode()).isEqualTo(405);
        assertThat(get("/health").body()).isEqualTo("{\"status\":\"UP\"}");
    }

    /** Reads a product so that its price is cached; returns an instant at or after the price was fetched. */
    private Instant cache(String productId) throws Exception {
        assertThat(get("/products/" + productId).statusCode()).isEqualTo(200);
        return Instant.now();
    }

    /** Waits until an entry cached by {@code cachedAt} is older than the cache's TTL. */
    private static void awaitExpiry(Instant cachedAt) {
        await().pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(2))
                .until(() -> Instant.now().isAfter(cachedAt.plus(TTL)));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(storefront.baseUrl() + path)).timeout(Duration.ofSeconds(5)).build());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(storefront.baseUrl() + path)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
