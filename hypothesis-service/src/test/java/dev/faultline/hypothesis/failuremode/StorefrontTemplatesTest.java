package dev.faultline.hypothesis.failuremode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.faultline.hypothesis.Fixtures;
import dev.faultline.hypothesis.target.Target;
import dev.faultline.schemas.avro.ComparisonOperator;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.FaultDirection;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.Guardrail;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.MeasureUnit;
import dev.faultline.schemas.avro.Prediction;
import dev.faultline.schemas.avro.ProbeKind;
import dev.faultline.schemas.avro.ProbeSpec;
import dev.faultline.schemas.avro.RiskLevel;
import dev.faultline.schemas.avro.Statistic;
import dev.faultline.schemas.avro.TargetKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorefrontTemplatesTest {

    private final FailureModeCatalog catalog = FailureModeCatalog.builtIn();

    private Hypothesis draft(FaultType type, double share, Map<String, String> params) {
        DraftContext context = new DraftContext(Fixtures.STOREFRONT, "pricing", Environment.STAGING, 30_000, share, params);
        return catalog.find(type, "http-storefront").orElseThrow().draft(context);
    }

    @Test
    void shouldDraftTheExampleHypothesisExactlyAsDesigned() {
        Hypothesis h = draft(FaultType.NETWORK_BLACKHOLE, 1.0, Map.of());

        assertThat(h.getService()).isEqualTo("storefront");
        assertThat(h.getScenario().getFaultType()).isEqualTo(FaultType.NETWORK_BLACKHOLE);
        assertThat(h.getScenario().getTarget().getKind()).isEqualTo(TargetKind.DEPENDENCY_LINK);
        assertThat(h.getScenario().getTarget().getService()).isEqualTo("storefront");
        assertThat(h.getScenario().getTarget().getDependency()).isEqualTo("pricing");
        assertThat(h.getScenario().getDirection()).isEqualTo(FaultDirection.UPSTREAM);
        assertThat(h.getScenario().getToxicity()).isEqualTo(1.0);
        assertThat(h.getScenario().getDurationMillis()).isEqualTo(30_000);
        assertThat(h.getScenario().getParameters()).isEmpty();

        assertThat(h.getProbes()).extracting(ProbeSpec::getProbeId).containsExactly("product-reads", "order-writes");
        ProbeSpec reads = h.getProbes().get(0);
        assertThat(reads.getTarget()).isEqualTo("http://127.0.0.1:18080/products/sku-1");
        assertThat(reads.getMethod()).isEqualTo("GET");
        assertThat(reads.getIntervalMillis()).isEqualTo(200);
        assertThat(reads.getTimeoutMillis()).isEqualTo(3000);
        assertThat(reads.getComponent()).isEqualTo("storefront");
        ProbeSpec orders = h.getProbes().get(1);
        assertThat(orders.getTarget()).isEqualTo("http://127.0.0.1:18080/orders");
        assertThat(orders.getMethod()).isEqualTo("POST");
        assertThat(orders.getIntervalMillis()).isEqualTo(500);
        assertThat(orders.getTimeoutMillis()).isEqualTo(3000);
        assertThat(orders.getRequestHeaders()).containsExactlyInAnyOrderEntriesOf(Map.of("content-type", "application/json"));
        assertThat(orders.getBody()).isEqualTo("{\"productId\":\"sku-1\",\"quantity\":1}");
        assertThat(reads.getBody()).isNull();

        assertThat(h.getPredictions()).extracting(Prediction::getPredictionId)
                .containsExactly("reads-served", "reads-p99", "orders-503", "orders-retry-after");
        assertPrediction(h.getPredictions().get(0), "product-reads", Statistic.SUCCESS_RATE,
                ComparisonOperator.GREATER_OR_EQUAL, 0.9, MeasureUnit.RATIO, 50);
        assertPrediction(h.getPredictions().get(1), "product-reads", Statistic.P99_LATENCY,
                ComparisonOperator.LESS_THAN, 800, MeasureUnit.MILLISECONDS, 100);
        assertPrediction(h.getPredictions().get(2), "order-writes", Statistic.STATUS_SHARE,
                ComparisonOperator.GREATER_OR_EQUAL, 0.9, MeasureUnit.RATIO, 35);
        assertThat(h.getPredictions().get(2).getStatus()).isEqualTo(503);
        assertPrediction(h.getPredictions().get(3), "order-writes", Statistic.HEADER_PRESENT_SHARE,
                ComparisonOperator.GREATER_OR_EQUAL, 0.9, MeasureUnit.RATIO, 35);
        assertThat(h.getPredictions().get(3).getHeader()).isEqualTo("Retry-After");

        assertThat(h.getBlastRadius().getEnvironment()).isEqualTo(Environment.STAGING);
        assertThat(h.getBlastRadius().getTargets()).containsExactly("storefront→pricing");
        assertThat(h.getBlastRadius().getDownstream()).containsExactly("storefront");
        assertThat(h.getBlastRadius().getTrafficShare()).isEqualTo(1.0);

        assertThat(h.getGuardrails()).hasSize(1);
        Guardrail g = h.getGuardrails().get(0);
        assertThat(g.getGuardrailId()).isEqualTo("reads-failing");
        assertThat(g.getProbeId()).isEqualTo("product-reads");
        assertThat(g.getStatistic()).isEqualTo(Statistic.ERROR_RATE);
        assertThat(g.getComparator()).isEqualTo(ComparisonOperator.GREATER_THAN);
        assertThat(g.getThreshold()).isEqualTo(0.5);
        assertThat(g.getUnit()).isEqualTo(MeasureUnit.RATIO);
        assertThat(g.getEvaluationWindowMillis()).isEqualTo(3000);
        assertThat(g.getSustainMillis()).isEqualTo(1000);

        assertThat(h.getRiskLevel()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(h.getTemplateId()).isEqualTo("storefront-dependency-unreachable");
        assertThat(h.getRationale()).contains("storefront-dependency-unreachable");
        assertThat(h.getTitle()).isEqualTo("When pricing becomes unreachable for 30 seconds, storefront keeps serving "
                + "cached product reads, order writes return 503 with a Retry-After header, and the p99 latency of "
                + "product reads stays below 800 ms");
    }

    private static void assertPrediction(Prediction p, String probe, Statistic statistic, ComparisonOperator comparator,
                                         double threshold, MeasureUnit unit, int minSamples) {
        assertThat(p.getProbeId()).isEqualTo(probe);
        assertThat(p.getStatistic()).isEqualTo(statistic);
        assertThat(p.getComparator()).isEqualTo(comparator);
        assertThat(p.getThreshold()).isEqualTo(threshold);
        assertThat(p.getUnit()).isEqualTo(unit);
        assertThat(p.getWindow().getPhase()).isEqualTo(ExperimentPhase.DURING);
        assertThat(p.getWindow().getSkipFirstMillis()).isEqualTo(2000);
        assertThat(p.getWindow().getLengthMillis()).isNull();
        assertThat(p.getWindow().getMinSamples()).isEqualTo(minSamples);
    }

    @Test
    void shouldDraftLatencyWithDefaultOneSecondOrTheRequestedLatency() {
        assertThat(draft(FaultType.NETWORK_LATENCY, 1.0, Map.of()).getScenario().getParameters())
                .containsExactly(Map.entry("latencyMillis", "1000"));
        Hypothesis slower = draft(FaultType.NETWORK_LATENCY, 1.0, Map.of("latencyMillis", "2500", "team", "shop"));
        assertThat(slower.getScenario().getParameters()).containsExactly(Map.entry("latencyMillis", "2500"));
        assertThat(slower.getTitle()).contains("2500 ms slower");
        assertThat(slower.getPredictions()).extracting(Prediction::getPredictionId).contains("orders-served");
    }

    @Test
    void shouldAffectOnlyTheShareOfTrafficForDependencyErrors() {
        Hypothesis errors = draft(FaultType.HTTP_ERROR_STATUS, 0.25, Map.of());
        assertThat(errors.getScenario().getToxicity()).isEqualTo(0.25);
        assertThat(errors.getScenario().getParameters()).containsExactly(Map.entry("status", "503"));
        assertThat(errors.getBlastRadius().getTrafficShare()).isEqualTo(0.25);
        assertThat(errors.getTitle()).startsWith("When 25% of pricing's responses are 503");
        Prediction bounded = errors.getPredictions().stream()
                .filter(p -> p.getPredictionId().equals("orders-failures-bounded")).findFirst().orElseThrow();
        assertThat(bounded.getThreshold()).as("25% + 5 points + two standard errors of a share over 56 order samples")
                .isEqualTo(0.30 + 2 * Math.sqrt(0.25 * 0.75 / 56), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(bounded.getDescription()).endsWith("over 56 order samples)");

        Hypothesis resets = draft(FaultType.NETWORK_RESET, 0.5, Map.of());
        assertThat(resets.getScenario().getToxicity()).isEqualTo(0.5);
        assertThat(resets.getTemplateId()).isEqualTo("storefront-dependency-resets");
    }

    @Test
    void shouldDraftASlowShareOfTheDependencysRequestsAsAnL7Delay() {
        Hypothesis slow = draft(FaultType.HTTP_DELAY, 0.3, Map.of("latencyMillis", "900"));

        assertThat(slow.getTemplateId()).isEqualTo("storefront-dependency-slow-share");
        assertThat(slow.getScenario().getToxicity()).isEqualTo(0.3);
        assertThat(slow.getScenario().getParameters()).containsExactly(Map.entry("latencyMillis", "900"));
        assertThat(slow.getBlastRadius().getTrafficShare()).isEqualTo(0.3);
        assertThat(slow.getRiskLevel()).isEqualTo(RiskLevel.LOW);
        assertThat(slow.getTitle()).isEqualTo("When 30% of the requests to pricing are answered 900 ms late for 30 seconds,"
                + " storefront keeps product reads below 800 ms at p99 and order writes still succeed");
        assertThat(slow.getPredictions()).extracting(Prediction::getPredictionId)
                .containsExactly("reads-served", "reads-p99", "orders-served");
        assertPrediction(slow.getPredictions().get(2), "order-writes", Statistic.SUCCESS_RATE,
                ComparisonOperator.GREATER_OR_EQUAL, 0.9, MeasureUnit.RATIO, 35);
        assertThat(slow.getGuardrails()).extracting(Guardrail::getGuardrailId).containsExactly("reads-failing");
        assertThat(Fixtures.linter().lint(slow)).isEmpty();
    }

    @Test
    void shouldDraftAMalformedBodyForAShareCorruptedByDefaultOrReplacedByTheProposalsBody() {
        Hypothesis corrupted = draft(FaultType.MALFORMED_BODY, 0.5, Map.of());

        assertThat(corrupted.getTemplateId()).isEqualTo("storefront-dependency-malformed-body");
        assertThat(corrupted.getScenario().getToxicity()).isEqualTo(0.5);
        assertThat(corrupted.getScenario().getParameters()).containsExactly(Map.entry("flipEvery", "1"), Map.entry("body", ""));
        assertThat(corrupted.getRiskLevel()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(corrupted.getTitle()).isEqualTo("When 50% of pricing's responses carry a malformed body for 30 seconds,"
                + " storefront refuses those prices: it keeps serving product reads, fails no more than that share of order"
                + " writes and logs no ERROR");
        assertThat(corrupted.getPredictions()).extracting(Prediction::getPredictionId)
                .containsExactly("reads-served", "reads-p99", "orders-failures-bounded");
        assertPrediction(corrupted.getPredictions().get(2), "order-writes", Statistic.ERROR_RATE,
                ComparisonOperator.LESS_OR_EQUAL, 0.55 + 2 * Math.sqrt(0.5 * 0.5 / 56), MeasureUnit.RATIO, 20);
        assertThat(Fixtures.linter().lint(corrupted)).isEmpty();

        Hypothesis replaced = draft(FaultType.MALFORMED_BODY, 0.5, Map.of("body", "{\"amount\":\"free\"}"));
        assertThat(replaced.getScenario().getParameters()).containsEntry("body", "{\"amount\":\"free\"}");
    }

    @Test
    void shouldJudgeTheStorefrontOnItsOwnMetricsAndLogWhenItDeclaresThem() {
        Target observed = new Target("storefront", "http-storefront", "http://127.0.0.1:18080", List.of("pricing"),
                "/health", "http://127.0.0.1:18080/metrics", "/var/log/faultline/storefront.log");
        Hypothesis blackhole = catalog.find(FaultType.NETWORK_BLACKHOLE, "http-storefront").orElseThrow()
                .draft(new DraftContext(observed, "pricing", Environment.STAGING, 30_000, 1.0, Map.of()));
        Hypothesis latency = catalog.find(FaultType.NETWORK_LATENCY, "http-storefront").orElseThrow()
                .draft(new DraftContext(observed, "pricing", Environment.STAGING, 30_000, 1.0, Map.of()));

        assertThat(blackhole.getProbes()).extracting(ProbeSpec::getProbeId, ProbeSpec::getKind, ProbeSpec::getTarget)
                .contains(tuple("price-fallbacks", ProbeKind.METRIC, "http://127.0.0.1:18080/metrics"),
                        tuple("storefront-errors", ProbeKind.LOG, "/var/log/faultline/storefront.log"));
        assertThat(blackhole.getPredictions()).extracting(Prediction::getPredictionId, Prediction::getStatistic)
                .contains(tuple("stale-prices-served", Statistic.VALUE_MAX), tuple("no-errors-logged", Statistic.VALUE_SUM));
        assertThat(latency.getPredictions()).extracting(Prediction::getPredictionId).contains("no-errors-logged")
                .doesNotContain("stale-prices-served");
        assertThat(Fixtures.linter().lint(blackhole)).isEmpty();
        assertThat(draft(FaultType.NETWORK_BLACKHOLE, 1.0, Map.of()).getProbes()).as("a target declaring neither")
                .extracting(ProbeSpec::getKind).containsOnly(ProbeKind.HTTP);
    }
}
