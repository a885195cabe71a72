package dev.faultline.hypothesis.failuremode;

import static dev.faultline.hypothesis.failuremode.Checks.failing;
import static dev.faultline.hypothesis.failuremode.Checks.headerShare;
import static dev.faultline.hypothesis.failuremode.Checks.prediction;
import static dev.faultline.hypothesis.failuremode.Checks.statusShare;
import static dev.faultline.schemas.avro.ComparisonOperator.GREATER_OR_EQUAL;
import static dev.faultline.schemas.avro.ComparisonOperator.GREATER_THAN;
import static dev.faultline.schemas.avro.ComparisonOperator.LESS_OR_EQUAL;
import static dev.faultline.schemas.avro.ComparisonOperator.LESS_THAN;
import static dev.faultline.schemas.avro.MeasureUnit.MILLISECONDS;
import static dev.faultline.schemas.avro.MeasureUnit.RATIO;

import dev.faultline.hypothesis.failuremode.DependencyFaultTemplate.Definition;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.Guardrail;
import dev.faultline.schemas.avro.MeasureUnit;
import dev.faultline.schemas.avro.Prediction;
import dev.faultline.schemas.avro.ProbeSpec;
import dev.faultline.schemas.avro.RiskLevel;
import dev.faultline.schemas.avro.Statistic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Failure modes of an {@code http-storefront}: a shop that reads products (through a cache, with prices from a
 * dependency) and writes orders (which need a live price). Probes: {@code product-reads} and {@code order-writes};
 * when the target declares them, {@code price-fallbacks} (its cache metrics) and {@code storefront-errors} (its log).
 */
final class StorefrontTemplates {

    static final String TYPE = "http-storefront";
    static final String ORDER_BODY = "{\"productId\":\"sku-1\",\"quantity\":1}";
    static final String STALE_PROBE = "price-fallbacks";
    static final String ERRORS_PROBE = "storefront-errors";

    private StorefrontTemplates() {
    }

    static List<FailureModeTemplate> all() {
        return List.of(unreachable(), latency(), errors(), resets());
    }

    static FailureModeTemplate unreachable() {
        return new DependencyFaultTemplate(new Definition("storefront-dependency-unreachable", FaultType.NETWORK_BLACKHOLE,
                TYPE, "dependency unreachable: every connection to the dependency hangs", RiskLevel.MEDIUM, Map.of(),
                c -> "When " + c.dependency() + " becomes unreachable for " + c.durationSeconds() + " seconds, "
                        + c.service() + " keeps serving cached product reads, order writes return 503 with a "
                        + "Retry-After header, and the p99 latency of product reads stays below 800 ms",
                StorefrontTemplates::probes,
                c -> observed(c, List.of(readsServed(), readsP99(),
                        statusShare("orders-503", "order writes answer 503 while prices are unavailable",
                                "order-writes", 503, GREATER_OR_EQUAL, 0.99, 20),
                        headerShare("orders-retry-after", "order writes tell the client when to retry",
                                "order-writes", "Retry-After", GREATER_OR_EQUAL, 0.99, 20)), true),
                StorefrontTemplates::guardrails));
    }

    static FailureModeTemplate latency() {
        return new DependencyFaultTemplate(new Definition("storefront-dependency-latency", FaultType.NETWORK_LATENCY,
                TYPE, "dependency latency: every response of the dependency is delayed by latencyMillis (ms)",
                RiskLevel.LOW, Map.of("latencyMillis", "1000"),
                c -> "When " + c.dependency() + " answers " + c.parameter("latencyMillis", "1000") + " ms slower for "
                        + c.durationSeconds() + " seconds, " + c.service() + " keeps product reads below 800 ms at "
                        + "p99 and order writes still succeed",
                StorefrontTemplates::probes,
                c -> observed(c, List.of(readsServed(), readsP99(), prediction("orders-served",
                        "order writes still succeed", "order-writes", Statistic.SUCCESS_RATE, GREATER_OR_EQUAL, 0.99,
                        RATIO, 20)), false),
                StorefrontTemplates::guardrails));
    }

    static FailureModeTemplate errors() {
        return new DependencyFaultTemplate(new Definition("storefront-dependency-errors", FaultType.HTTP_ERROR_STATUS,
                TYPE, "dependency errors: a share of the dependency's responses (toxicity) are replaced by status",
                RiskLevel.MEDIUM, Map.of("status", "503"),
                c -> "When " + percent(c) + " of " + c.dependency() + "'s responses are " + c.parameter("status", "503")
                        + " for " + c.durationSeconds() + " seconds, " + c.service() + " keeps serving product reads "
                        + "and fails no more than that share of order writes",
                StorefrontTemplates::probes,
                c -> observed(c, List.of(readsServed(), readsP99(), ordersFailingAtMost(c)), true),
                StorefrontTemplates::guardrails));
    }

    static FailureModeTemplate resets() {
        return new DependencyFaultTemplate(new Definition("storefront-dependency-resets", FaultType.NETWORK_RESET,
                TYPE, "dependency errors: a share of the connections to the dependency (toxicity) are reset",
                RiskLevel.MEDIUM, Map.of(),
                c -> "When " + percent(c) + " of the connections to " + c.dependency() + " are reset for "
                        + c.durationSeconds() + " seconds, " + c.service() + " keeps serving product reads and fails "
                        + "no more than that share of order writes",
                StorefrontTemplates::probes,
                c -> observed(c, List.of(readsServed(), readsP99(), ordersFailingAtMost(c)), true),
                StorefrontTemplates::guardrails));
    }

    private static List<ProbeSpec> probes(DraftContext c) {
        String base = c.target().baseUrl();
        List<ProbeSpec> probes = new ArrayList<>(List.of(Probes.get("product-reads", base + "/products/sku-1", 200,
                c.service()), Probes.postJson("order-writes", base + "/orders", 500, ORDER_BODY, c.service())));
        c.target().metrics().ifPresent(url -> probes.add(Probes.metric(STALE_PROBE, url, Map.of(
                "metric", "storefront_cache_lookups_total", "labels", "result=stale", "aggregate", "rate"),
                c.service())));
        c.target().log().ifPresent(file -> probes.add(Probes.log(ERRORS_PROBE, file, Map.of("level", "ERROR"),
                c.service())));
        return probes;
    }

    /**
     * The predictions on the target's own metrics and logs, added when it declares them: it logs no error while the
     * dependency misbehaves, and — when the dependency's prices go missing ({@code fallsBack}) — the cache serves
     * stale prices instead (its {@code storefront_cache_lookups_total{result="stale"}} counter moves).
     */
    private static List<Prediction> observed(DraftContext c, List<Prediction> answers, boolean fallsBack) {
        List<Prediction> all = new ArrayList<>(answers);
        if (fallsBack && c.target().metrics().isPresent()) {
            all.add(prediction("stale-prices-served", "the cache serves stale prices while the dependency fails "
                    + "(storefront_cache_lookups_total{result=\"stale\"} rises)", STALE_PROBE, Statistic.VALUE_MAX,
                    GREATER_THAN, 0, MeasureUnit.PER_SECOND, 5));
        }
        if (c.target().log().isPresent()) {
            all.add(prediction("no-errors-logged", c.service() + " logs no ERROR line while " + c.dependency()
                    + " misbehaves", ERRORS_PROBE, Statistic.VALUE_SUM, LESS_OR_EQUAL, 0, MeasureUnit.COUNT, 5));
        }
        return all;
    }

    private static List<Guardrail> guardrails(DraftContext c) {
        return List.of(failing("reads-failing", "product-reads", "product reads"));
    }

    private static Prediction readsServed() {
        return prediction("reads-served", "product reads keep being served (from the cache)", "product-reads",
                Statistic.SUCCESS_RATE, GREATER_OR_EQUAL, 0.99, RATIO, 50);
    }

    private static Prediction readsP99() {
        return prediction("reads-p99", "the p99 latency of product reads stays below 800 ms", "product-reads",
                Statistic.P99_LATENCY, LESS_THAN, 800, MILLISECONDS, 100);
    }

    private static Prediction ordersFailingAtMost(DraftContext c) {
        double bound = Math.min(1.0, c.trafficShare() + 0.05);
        return prediction("orders-failures-bounded", "order writes fail at most for the affected share (+5 points)",
                "order-writes", Statistic.ERROR_RATE, LESS_OR_EQUAL, bound, RATIO, 20);
    }

    static String percent(DraftContext c) {
        return Math.round(c.trafficShare() * 100) + "%";
    }
}
