package dev.faultline.safety.norm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.faultline.kit.probe.HttpProbeClient;
import dev.faultline.kit.probe.PromQlClient;
import dev.faultline.kit.testing.PrometheusServer;
import dev.faultline.kit.tracing.HttpClientSpans;
import dev.faultline.safety.baseline.BaselineSampler;
import dev.faultline.safety.baseline.ProbeMeasurements;
import dev.faultline.safety.plan.Probe;
import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.safety.support.InMemoryProbeHistory;
import dev.faultline.safety.support.Plans;
import dev.faultline.schemas.avro.CheckOutcome;
import dev.faultline.schemas.avro.Environment;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * HISTORICAL_NORM on a METRIC probe against a real Prometheus server (Debian's package): four past weeks of the
 * gauge {@code lookups} (two series whose sum steps through 100–120 every minute around this hour of the week) are
 * backfilled with {@code promtool} before it starts, and it scrapes the gauge's value now from a local exposition.
 * The range queries over past weeks give the norm; the value now is compared with it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusNormIT {

    private static final Duration WEEK = Duration.ofDays(7);

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final AtomicInteger value = new AtomicInteger(112);
    private final HttpProbeClient client = new HttpProbeClient(HttpClientSpans.disabled());
    private final HistoricalNormCheck check = new HistoricalNormCheck(new InMemoryProbeHistory(), new PrometheusHistory(client), new PromQlClient(client),
            new NormSettings(Duration.ofMinutes(1), Duration.ofDays(35), 4, 0.1, 0.9, 1.0, 0.1, 30, 0.05,
                    Duration.ofMinutes(1), null));
    private HttpServer exposition;
    private PrometheusServer prometheus;

    @BeforeAll
    void start() throws IOException {
        exposition = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        exposition.createContext("/metrics", exchange -> {
            byte[] body = ("# TYPE lookups gauge\nlookups " + value.get() + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        exposition.start();
        prometheus = PrometheusServer.startWithHistory(Map.of("app", URI.create("http://127.0.0.1:"
                + exposition.getAddress().getPort() + "/metrics")), pastWeeks());
        prometheus.awaitScraped("app");
    }

    /** Thursday-style history: each past week, the hour before this one to the hour after, a point a minute. */
    private String pastWeeks() {
        StringBuilder text = new StringBuilder("# TYPE lookups gauge\n");
        Instant thisHour = HourOfWeek.startOf(now);
        for (int week = 4; week >= 1; week--) {
            long from = thisHour.minus(WEEK.multipliedBy(week)).minus(Duration.ofHours(1)).getEpochSecond();
            for (int i = 0; i < 180; i++) {
                long at = from + 60L * i;
                int total = 100 + i % 21;
                text.append("lookups{instance=\"a\"} ").append(total - 40).append(' ').append(at).append('\n');
                text.append("lookups{instance=\"b\"} 40 ").append(at).append('\n');
            }
        }
        return text.append("# EOF\n").toString();
    }

    @AfterAll
    void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (exposition != null) {
            exposition.stop(0);
        }
    }

    private CheckResult checkNow() throws InterruptedException {
        Probe lookups = new Probe("lookups", "METRIC", prometheus.baseUrl(), "GET", 2000, Map.of(), null,
                Map.of("source", "prometheus", "query", "sum(lookups)"));
        return check.check(Plans.plan(Environment.PRODUCTION, 0.1, List.of(lookups)), now,
                new ProbeMeasurements(new BaselineSampler(3, 0)));
    }

    private void scraped(int expected) {
        value.set(expected);
        await("Prometheus scraping lookups " + expected).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> prometheus.query("sum(lookups)").path("data")
                        .path("result").path(0).path("value").path(1).asText().equals(Integer.toString(expected)));
    }

    @Test
    void shouldReadTheNormFromRangeQueriesOfPastWeeksAndPassAValueWithinIt() throws Exception {
        scraped(112);

        CheckResult result = checkNow();

        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(result.reason()).isEqualTo("lookups: 112 now vs median 109, p10–p90 101–118 over 240 samples from"
                + " 4 weeks at " + HourOfWeek.of(now).label() + ": within p10–p90 ± 17");
        assertThat(result.details()).containsEntry("lookups.norm.samples", "240").containsEntry("lookups.norm.weeks", "4")
                .doesNotContainKey(HistoricalNormCheck.NO_HISTORY);
    }

    @Test
    void shouldBlockAValueFarBelowTheBandWithTheNumbers() throws Exception {
        scraped(60);

        CheckResult result = checkNow();

        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.reason()).isEqualTo("lookups: 60 now vs median 109, p10–p90 101–118 over 240 samples from"
                + " 4 weeks at " + HourOfWeek.of(now).label() + ": below p10 101 − tolerance 17 = 84");
    }
}
