package dev.faultline.safety.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.faultline.kit.tracing.HttpClientSpans;
import dev.faultline.safety.plan.Probe;
import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.preflight.CheckResult;
import dev.faultline.safety.support.Plans;
import dev.faultline.safety.support.TargetServer;
import dev.faultline.schemas.avro.CheckOutcome;
import dev.faultline.schemas.avro.Environment;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineHealthCheckTest {

    private final TargetServer target = new TargetServer();
    private final BaselineHealthCheck health = new BaselineHealthCheck(new EvidenceSources(HttpClientSpans.disabled()),
            0.05);

    @AfterEach
    void stop() {
        target.close();
    }

    /** The check as one preflight runs it: the plan's HTTP probes sent 5 times now. */
    private CheckResult check(Plan plan) throws InterruptedException {
        return health.check(plan, new ProbeMeasurements(new BaselineSampler(5, 0)));
    }

    @Test
    void shouldPassAHealthyTargetAndBlockAnUnhealthyOneWithItsReason() throws Exception {
        var plan = Plans.plan(Environment.STAGING, 1.0, List.of(Plans.get("reads", target.url("/products/sku-1"))));
        CheckResult healthy = check(plan);
        assertThat(healthy.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(healthy.reason()).startsWith("reads: error rate 0.00").contains("over 5 samples");
        assertThat(healthy.details()).containsEntry("reads.errorRate", "0.000").containsKey("reads.p95Millis")
                .as("no blended norm is stated any more").doesNotContainKeys("service", "reads.normErrorRate");

        target.answer(503);
        CheckResult sick = check(plan);
        assertThat(sick.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(sick.reason()).contains("reads: error rate 1.00", "above the limit 0.05", "status 503");
        assertThat(sick.details()).containsEntry("reads.errorRate", "1.000");
    }

    @Test
    void shouldSendAPostProbesBody() throws Exception {
        Probe orders = new Probe("orders", "HTTP", target.url("/orders"), "POST", 1000,
                Map.of("content-type", "application/json"), "{\"productId\":\"sku-1\",\"quantity\":1}");
        CheckResult result = check(Plans.plan(Environment.STAGING, 1.0, List.of(orders)));
        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(target.bodies()).hasSize(5).allSatisfy(b -> assertThat(b).isEqualTo("{\"productId\":\"sku-1\",\"quantity\":1}"));
        assertThat(target.headerNames()).contains("content-type");
    }

    @Test
    void shouldDropHeadersTheHttpClientRefusesAndSaySo() throws Exception {
        Probe reads = new Probe("reads", "HTTP", target.url("/products/sku-1"), "GET", 1000,
                Map.of("Host", "storefront.example", "accept", "application/json"), null);
        CheckResult result = check(Plans.plan(Environment.STAGING, 1.0, List.of(reads)));
        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(result.details()).containsKey("reads.droppedHeaders");
        assertThat(result.details().get("reads.droppedHeaders")).contains("Host", "restricted header name");
        assertThat(target.headerNames()).contains("accept");
    }

    @Test
    void shouldCountA4xxAnswerAsAFailureLikeTheInjectorDoes() throws Exception {
        var plan = Plans.plan(Environment.STAGING, 1.0, List.of(Plans.get("reads", target.url("/products/sku-1"))));
        target.answer(404);
        CheckResult result = check(plan);
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.reason()).contains("error rate 1.00", "status 404");
    }

    @Test
    void shouldFailAnUnreachableTargetAndAPlanWithoutHttpProbe() throws Exception {
        var down = Plans.plan(Environment.STAGING, 1.0, List.of(Plans.get("reads", "http://127.0.0.1:1/x")));
        assertThat(check(down).reason()).contains("unreachable");
        assertThat(check(Plans.staging(1.0)).outcome()).isEqualTo(CheckOutcome.FAILED);
    }

    @Test
    void shouldBlockWhenAMetricOrLogSourceCannotBeReadNamingTheProbe(@TempDir Path dir) throws Exception {
        HttpServer metrics = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        metrics.createContext("/metrics", exchange -> {
            byte[] body = "# TYPE lookups_total counter\nlookups_total{result=\"stale\"} 3\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        metrics.start();
        try {
            String url = "http://127.0.0.1:" + metrics.getAddress().getPort() + "/metrics";
            Path log = Files.writeString(dir.resolve("storefront.log"), "started\n");
            Probe reads = Plans.get("reads", target.url("/products/sku-1"));
            Probe stale = new Probe("stale", "METRIC", url, "GET", 1000, Map.of(), null,
                    Map.of("metric", "lookups_total", "labels", "result=stale", "aggregate", "rate"));
            Probe notYet = new Probe("not-yet", "METRIC", url, "GET", 1000, Map.of(), null,
                    Map.of("metric", "lookups_total", "labels", "result=bypass", "aggregate", "rate"));
            Probe overload = new Probe("overload", "METRIC", url, "GET", 1000, Map.of(), null,
                    Map.of("metric", "evictions_total", "labels", "result=overload"));
            Probe errors = new Probe("errors", "LOG", log.toString(), "GET", 1000, Map.of(), null, Map.of("level", "ERROR"));
            Probe gone = new Probe("gone", "LOG", dir.resolve("gone.log").toString(), "GET", 1000, Map.of(), null,
                    Map.of("level", "ERROR"));

            CheckResult readable = check(Plans.plan(Environment.STAGING, 1.0, List.of(reads, stale, notYet, errors)));
            CheckResult missing = check(Plans.plan(Environment.STAGING, 1.0, List.of(reads, overload, gone)));

            assertThat(readable.outcome()).isEqualTo(CheckOutcome.PASSED);
            assertThat(readable.details()).containsEntry("stale.source", "readable").containsEntry("errors.source", "readable")
                    .as("a declared counter that has not counted yet").containsEntry("not-yet.source", "readable");
            assertThat(missing.outcome()).isEqualTo(CheckOutcome.FAILED);
            assertThat(missing.reason()).contains("overload: evictions_total{result=\"overload\"} is absent at " + url)
                    .contains("gone: log source").contains("gone.log cannot be read");
        } finally {
            metrics.stop(0);
        }
    }
}
