package dev.faultline.injector.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.faultline.kit.probe.HttpProbeClient;
import dev.faultline.schemas.avro.ProbeKind;
import dev.faultline.schemas.avro.ProbeSpec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** METRIC probes scraping a real HTTP endpoint that serves what the Prometheus client writes. */
class MetricProberTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter fallbacks = Counter.builder("storefront.price.fallbacks").tag("reason", "timeout")
            .register(registry);
    private final HttpServer server;
    private final MetricProber prober = new MetricProber(new HttpProbeClient());

    MetricProberTest() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/metrics", exchange -> {
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ProbeSpec spec(String path, Map<String, String> parameters) {
        return ProbeSpec.newBuilder().setProbeId(parameters.getOrDefault("aggregate", "value") + "-fallbacks").setKind(ProbeKind.METRIC)
                .setTarget("http://127.0.0.1:" + server.getAddress().getPort() + path).setIntervalMillis(1000)
                .setTimeoutMillis(2000).setComponent("storefront").setParameters(parameters).build();
    }

    @Test
    void shouldReadAGaugeLikeValueAndACounterRateFromSuccessiveScrapes() {
        fallbacks.increment(3);
        ProbeSpec total = spec("/metrics", Map.of("metric", "storefront_price_fallbacks_total"));
        ProbeSpec rate = spec("/metrics", Map.of("metric", "storefront_price_fallbacks_total", "labels", "reason=timeout",
                "aggregate", "rate"));

        assertThat(prober.probe(total, "exp-1").join().value()).isEqualTo(3.0);
        Sample first = prober.probe(rate, "exp-1").join();
        fallbacks.increment(50);
        Sample second = prober.probe(rate, "exp-1").join();

        assertThat(first.ok()).isTrue();
        assertThat(first.value()).as("a rate needs two scrapes").isNull();
        assertThat(second.value()).as("50 more, over the time between the scrapes").isPositive()
                .isEqualTo(50 / (Duration.between(first.at(), second.at()).toNanos() / 1e9));
    }

    @Test
    void shouldFailWithTheReasonForAnAbsentMetricOrAFailedScrape() {
        Sample absent = prober.probe(spec("/metrics", Map.of("metric", "no_such_metric")), "exp-1").join();
        Sample notFound = prober.probe(spec("/nothing", Map.of("metric", "storefront_price_fallbacks_total")), "exp-1")
                .join();

        assertThat(absent.ok()).isFalse();
        assertThat(absent.value()).isNull();
        assertThat(absent.error()).contains("no_such_metric is absent");
        assertThat(notFound.ok()).isFalse();
        assertThat(notFound.error()).contains("scrape of").contains("/nothing").contains("HTTP 404");
    }

    @Test
    void shouldFailAPromQlProbeWithoutAQueryOrAnAnsweringServerWithTheReason() {
        Sample noQuery = prober.probe(spec("", Map.of("source", "prometheus")), "exp-1").join();
        Sample unreachable = prober.probe(ProbeSpec.newBuilder(spec("", Map.of("source", "prometheus", "query", "up")))
                .setTarget("http://127.0.0.1:1").build(), "exp-1").join();
        Sample notPrometheus = prober.probe(spec("", Map.of("source", "prometheus", "query", "up")), "exp-1").join();

        assertThat(noQuery.ok()).isFalse();
        assertThat(noQuery.error()).isEqualTo("invalid METRIC probe: query: a METRIC probe with source=prometheus"
                + " needs a PromQL query");
        assertThat(unreachable.ok()).isFalse();
        assertThat(unreachable.value()).isNull();
        assertThat(unreachable.error()).startsWith("Prometheus at http://127.0.0.1:1 did not answer the query up: ");
        assertThat(notPrometheus.ok()).isFalse();
        assertThat(notPrometheus.status()).isEqualTo(404);
        assertThat(notPrometheus.error()).contains("HTTP 404 from", "is not an answer of Prometheus' HTTP API");
    }
}
