package dev.faultline.injector.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.demo.http.HttpApp;
import dev.faultline.demo.pricing.PricingApp;
import dev.faultline.demo.storefront.StorefrontApp;
import dev.faultline.demo.storefront.StorefrontConfig;
import dev.faultline.devstack.support.FreePorts;
import dev.faultline.kit.testing.PrometheusServer;
import dev.faultline.kit.tracing.HttpClientSpans;
import dev.faultline.schemas.avro.ProbeKind;
import dev.faultline.schemas.avro.ProbeSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * METRIC probes with {@code source=prometheus} through the injector's own {@link Probers}, against a real
 * Prometheus server (Debian's package) whose generated configuration scrapes the demo storefront every second. The
 * storefront counts a cache lookup per product read, so the test knows what Prometheus must answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PromQlProbeIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newHttpClient();
    private final Probers probers = new Probers(HttpClientSpans.disabled());
    /** Product reads made so far: each is one storefront_cache_lookups_total increment. */
    private final AtomicInteger reads = new AtomicInteger();
    private HttpApp pricing;
    private HttpApp storefront;
    private PrometheusServer prometheus;

    @BeforeAll
    void start() throws Exception {
        pricing = PricingApp.start(0);
        storefront = StorefrontApp.start(new StorefrontConfig(0, pricing.baseUrl(), Duration.ofMillis(400),
                Duration.ofMillis(200), 50));
        prometheus = PrometheusServer.start(Map.of("storefront", URI.create(storefront.baseUrl() + "/metrics")));
        prometheus.awaitScraped("storefront");
    }

    @AfterAll
    void stop() {
        probers.close();
        if (prometheus != null) {
            prometheus.close();
        }
        if (storefront != null) {
            storefront.close();
        }
        if (pricing != null) {
            pricing.close();
        }
    }

    @Test
    void shouldReadAnInstantQueryAsTheStorefrontsCountersChange() throws Exception {
        ProbeSpec lookups = probe("lookups", Map.of("query", "sum(storefront_cache_lookups_total)"));
        ProbeSpec rate = probe("lookup-rate", Map.of("query", "sum(rate(storefront_cache_lookups_total[5s]))"));

        read(3);
        await().atMost(WAIT).untilAsserted(() -> assertThat(sample(lookups).value()).isEqualTo((double) reads.get()));
        read(4);
        await().atMost(WAIT).untilAsserted(() -> assertThat(sample(lookups).value()).isEqualTo((double) reads.get()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(sample(rate).value()).isPositive());

        Sample last = sample(lookups);
        assertThat(last.ok()).isTrue();
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.error()).isNull();
        assertThat(last.component()).isEqualTo("storefront");
    }

    @Test
    void shouldSeeStaleLookupsAppearWhenPricingStops() throws Exception {
        ProbeSpec stale = probe("stale", Map.of("query", "storefront_cache_lookups_total{result=\"stale\"}"));
        read(1);
        Sample before = sample(stale);
        assertThat(before.ok()).as("a labelled counter has no series before it first counts").isFalse();
        assertThat(before.error()).startsWith("no series: the query storefront_cache_lookups_total{result=\"stale\"}");

        pricing.close();
        pricing = null;
        await().atMost(WAIT).untilAsserted(() -> assertThat(read(1).headers().firstValue("X-Cache")).contains("stale"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(sample(stale).value()).isPositive());
    }

    @Test
    void shouldReadARangeQueryAsTheMeanOfItsSteps() throws Exception {
        ProbeSpec level = probe("level", Map.of("query", "sum(storefront_cache_lookups_total)", "range", "4s",
                "step", "1s"));
        read(2);
        double before = reads.get();
        await().atMost(WAIT).untilAsserted(() -> assertThat(sample(level).value()).isEqualTo(before));

        read(10);
        double after = reads.get();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(sample(level).value()).as("the mean of steps before and after the reads")
                        .isGreaterThan(before).isLessThan(after));
        await().atMost(WAIT).untilAsserted(() -> assertThat(sample(level).value()).isEqualTo(after));
    }

    @Test
    void shouldFailWithPrometheusOwnErrorForASyntaxError() {
        Sample sample = sample(probe("broken", Map.of("query", "rate(storefront_cache_lookups_total[5s]")));

        assertThat(sample.ok()).isFalse();
        assertThat(sample.value()).isNull();
        assertThat(sample.status()).isEqualTo(400);
        assertThat(sample.error()).startsWith("Prometheus at " + prometheus.baseUrl() + " refused the query "
                + "rate(storefront_cache_lookups_total[5s]: bad_data: ").contains("parse error");
    }

    @Test
    void shouldFailWithNoSeriesForAnAbsentMetric() {
        Sample sample = sample(probe("absent", Map.of("query", "sum(storefront_no_such_total)")));

        assertThat(sample.ok()).isFalse();
        assertThat(sample.value()).isNull();
        assertThat(sample.error()).isEqualTo("no series: the query sum(storefront_no_such_total) at "
                + prometheus.baseUrl() + " returned an empty result (the metric is absent, or has not been recorded yet)");
    }

    @Test
    void shouldFailWithTheReasonWhenPrometheusIsUnreachable() {
        String nowhere = "http://127.0.0.1:" + FreePorts.next();
        ProbeSpec probe = ProbeSpec.newBuilder(probe("lookups", Map.of("query", "sum(storefront_cache_lookups_total)")))
                .setTarget(nowhere).build();

        Sample sample = sample(probe);

        assertThat(sample.ok()).isFalse();
        assertThat(sample.status()).isNull();
        assertThat(sample.error()).startsWith("Prometheus at " + nowhere + " did not answer the query "
                + "sum(storefront_cache_lookups_total): ").contains("ConnectException");
    }

    private ProbeSpec probe(String id, Map<String, String> parameters) {
        Map<String, String> all = new HashMap<>(parameters);
        all.put("source", "prometheus");
        return ProbeSpec.newBuilder().setProbeId(id).setKind(ProbeKind.METRIC).setTarget(prometheus.baseUrl())
                .setIntervalMillis(1000).setTimeoutMillis(2000).setComponent("storefront").setParameters(all).build();
    }

    private Sample sample(ProbeSpec probe) {
        return probers.probe(probe, "exp-promql").join();
    }

    /** {@code count} product reads, each a cache lookup; the last answer. */
    private HttpResponse<String> read(int count) throws Exception {
        HttpResponse<String> answer = null;
        for (int i = 0; i < count; i++) {
            answer = http.send(HttpRequest.newBuilder(URI.create(storefront.baseUrl() + "/products/sku-1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            reads.incrementAndGet();
        }
        return answer;
    }
}
