package dev.faultline.safety.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.devstack.support.FreePorts;
import dev.faultline.kit.testing.PrometheusServer;
import dev.faultline.kit.tracing.HttpClientSpans;
import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.plan.Probe;
import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.safety.support.Plans;
import dev.faultline.safety.support.TargetServer;
import dev.faultline.schemas.avro.CheckOutcome;
import dev.faultline.schemas.avro.Environment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The preflight's BASELINE_HEALTH check on plans whose METRIC probes ask a real Prometheus server (Debian's package,
 * scraping itself every second) in PromQL: a server that answers passes, a query it refuses or a server that does
 * not answer blocks the preflight, naming the probe and the server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PromQlEvidenceSourceIT {

    private final TargetServer target = new TargetServer();
    private final BaselineHealthCheck health = new BaselineHealthCheck(new EvidenceSources(HttpClientSpans.disabled()),
            0.05);
    private PrometheusServer prometheus;

    @BeforeAll
    void start() {
        prometheus = PrometheusServer.start(Map.of());
        prometheus.awaitScraped("prometheus");
    }

    @AfterAll
    void stop() {
        target.close();
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void shouldPassWhenPrometheusAnswersTheQueries() throws Exception {
        CheckResult result = check(plan(
                promql("scraped", prometheus.baseUrl(), Map.of("query", "sum(up)")),
                promql("level", prometheus.baseUrl(), Map.of("query", "sum(up)", "range", "5s", "step", "1s")),
                promql("not-yet", prometheus.baseUrl(),
                        Map.of("query", "storefront_cache_lookups_total{result=\"stale\"}"))));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(result.details()).containsEntry("scraped.source", "readable").containsEntry("level.source", "readable")
                .as("a series that may appear only under the fault").containsEntry("not-yet.source", "readable");
    }

    @Test
    void shouldBlockOnAQueryPrometheusRefusesQuotingItsError() throws Exception {
        CheckResult result = check(plan(promql("stale", prometheus.baseUrl(),
                Map.of("query", "rate(storefront_cache_lookups_total[5s]"))));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.details()).containsEntry("stale.source", "unreadable");
        assertThat(result.reason()).contains("stale: Prometheus at " + prometheus.baseUrl() + " refused the query"
                + " rate(storefront_cache_lookups_total[5s]: bad_data: ", "parse error", "(HTTP 400)");
    }

    @Test
    void shouldBlockOnAnUnreachablePrometheusNamingTheProbeAndTheServer() throws Exception {
        String nowhere = "http://127.0.0.1:" + FreePorts.next();

        CheckResult result = check(plan(promql("stale", nowhere, Map.of("query", "sum(up)"))));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.reason()).contains("stale: Prometheus at " + nowhere + " did not answer the query sum(up): ",
                "ConnectException");
    }

    /** BASELINE_HEALTH as one preflight runs it, the plan's HTTP probe sent 3 times now. */
    private CheckResult check(Plan plan) throws InterruptedException {
        return health.check(plan, new ProbeMeasurements(new BaselineSampler(3, 0)));
    }

    private Plan plan(Probe... metrics) {
        List<Probe> probes = new ArrayList<>(List.of(Plans.get("reads", target.url("/products/sku-1"))));
        probes.addAll(List.of(metrics));
        return Plans.plan(Environment.STAGING, 1.0, probes);
    }

    private static Probe promql(String id, String server, Map<String, String> parameters) {
        Map<String, String> all = new HashMap<>(parameters);
        all.put("source", "prometheus");
        return new Probe(id, "METRIC", server, "GET", 1000, Map.of(), null, all);
    }
}
