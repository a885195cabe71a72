package dev.faultline.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.demo.carrier.CarrierApp;
import dev.faultline.demo.http.HttpApp;
import dev.faultline.demo.shipping.ShippingApp;
import dev.faultline.demo.shipping.ShippingConfig;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Shipping and the carrier over real loopback sockets, with a TCP forwarder standing in for the data plane. */
class ShippingCarrierIT {

    private static final Duration CARRIER_TIMEOUT = Duration.ofMillis(300);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private HttpApp carrier;
    private TcpForwarder link;
    private HttpApp shipping;

    @BeforeEach
    void start() throws Exception {
        carrier = CarrierApp.start(0);
        link = new TcpForwarder(carrier.port());
        shipping = ShippingApp.start(new ShippingConfig(0, "http://127.0.0.1:" + link.port(), CARRIER_TIMEOUT,
                new BigDecimal("14.90")));
    }

    @AfterEach
    void stop() throws Exception {
        shipping.close();
        link.close();
        if (carrier != null) {
            carrier.close();
        }
    }

    @Test
    void shouldQuoteTheCarriersRateAndCountIt() throws Exception {
        HttpResponse<String> quote = get("/quotes/eu");

        assertThat(quote.statusCode()).isEqualTo(200);
        assertThat(quote.headers().firstValue("X-Rate-Source")).contains("carrier");
        assertThat(quote.body()).contains("\"zone\":\"eu\"", "\"source\":\"carrier\"", "\"deliveryDays\":");
        assertThat(get("/metrics").body()).contains(
                "shipping_quotes_total{source=\"carrier\"} 1.0",
                "shipping_quotes_total{source=\"fallback\"} 0.0",
                "shipping_carrier_call_duration_seconds_count 1",
                "shipping_http_requests_total{method=\"GET\",path=\"/quotes/{zone}\",status=\"200\"} 1.0");
        assertThat(send(carrier.baseUrl() + "/metrics").body())
                .contains("carrier_http_requests_total{method=\"GET\",path=\"/rates/{zone}\",status=\"200\"} 1.0");
    }

    @Test
    void shouldQuoteTheFlatRateAtOnceWhenTheCarrierIsStopped() throws Exception {
        carrier.close();
        carrier = null;

        HttpResponse<String> quote = get("/quotes/uk");

        assertThat(quote.statusCode()).isEqualTo(200);
        assertThat(quote.headers().firstValue("X-Rate-Source")).contains("fallback");
        assertThat(quote.body()).contains("\"amount\":14.90", "\"source\":\"fallback\"", "\"deliveryDays\":null");
        assertThat(get("/metrics").body()).contains("shipping_quotes_total{source=\"fallback\"} 1.0",
                "shipping_carrier_errors_total{kind=");
    }

    @Test
    void shouldMakeQuotesWaitForTheCarrierTimeoutWhenTheCarrierIsBlackholed() throws Exception {
        link.blackhole(true);

        long started = System.nanoTime();
        HttpResponse<String> quote = get("/quotes/us");
        long quoteMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(quote.statusCode()).isEqualTo(200);
        assertThat(quote.headers().firstValue("X-Rate-Source")).contains("fallback");
        assertThat(quoteMillis).as("the fallback comes only after the timeout").isGreaterThanOrEqualTo(CARRIER_TIMEOUT.toMillis());
        assertThat(get("/metrics").body()).contains("shipping_carrier_errors_total{kind=\"timeout\"} 1.0");

        link.blackhole(false);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(get("/quotes/us").headers().firstValue("X-Rate-Source")).contains("carrier"));
    }

    @Test
    void shouldAnswerUnknownZonesAndPathsWithJsonErrors() throws Exception {
        assertThat(get("/quotes/mars").statusCode()).isEqualTo(404);
        assertThat(get("/quotes/mars").body()).contains("no shipping to zone mars", "domestic");
        assertThat(get("/nowhere").statusCode()).isEqualTo(404);
        assertThat(get("/health").body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(send(carrier.baseUrl() + "/rates/NOT-A-ZONE").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(shipping.baseUrl() + path);
    }

    private HttpResponse<String> send(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
