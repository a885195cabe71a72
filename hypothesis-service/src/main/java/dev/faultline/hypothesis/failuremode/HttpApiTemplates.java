package dev.faultline.hypothesis.failuremode;

import static dev.faultline.hypothesis.failuremode.Checks.failing;
import static dev.faultline.hypothesis.failuremode.Checks.prediction;
import static dev.faultline.schemas.avro.ComparisonOperator.GREATER_OR_EQUAL;
import static dev.faultline.schemas.avro.ComparisonOperator.LESS_THAN;
import static dev.faultline.schemas.avro.MeasureUnit.MILLISECONDS;
import static dev.faultline.schemas.avro.MeasureUnit.RATIO;

import dev.faultline.hypothesis.failuremode.DependencyFaultTemplate.Definition;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.Guardrail;
import dev.faultline.schemas.avro.Prediction;
import dev.faultline.schemas.avro.ProbeSpec;
import dev.faultline.schemas.avro.RiskLevel;
import dev.faultline.schemas.avro.Statistic;
import java.util.List;
import java.util.Map;

/**
 * Failure modes of a generic {@code http-api}: one read probe ({@code reads}, GET on the target's configured
 * {@code probe-path}), predicting that reads keep succeeding and stay fast while a dependency misbehaves.
 */
final class HttpApiTemplates {

    static final String TYPE = "http-api";

    private HttpApiTemplates() {
    }

    static List<FailureModeTemplate> all() {
        return List.of(
                template("http-api-dependency-unreachable", FaultType.NETWORK_BLACKHOLE, RiskLevel.MEDIUM, Map.of(),
                        "dependency unreachable: every connection to the dependency hangs",
                        c -> "becomes unreachable", c -> 1000),
                template("http-api-dependency-latency", FaultType.NETWORK_LATENCY, RiskLevel.LOW,
                        Map.of("latencyMillis", "1000"),
                        "dependency latency: every response of the dependency is delayed by latencyMillis (ms)",
                        c -> "answers " + c.parameter("latencyMillis", "1000") + " ms slower",
                        c -> latencyBound(c)),
                template("http-api-dependency-errors", FaultType.HTTP_ERROR_STATUS, RiskLevel.MEDIUM,
                        Map.of("status", "503"),
                        "dependency errors: a share of the dependency's responses (toxicity) are replaced by status",
                        c -> "answers " + c.parameter("status", "503") + " to " + StorefrontTemplates.percent(c)
                                + " of requests", c -> 1000),
                template("http-api-dependency-resets", FaultType.NETWORK_RESET, RiskLevel.MEDIUM, Map.of(),
                        "dependency errors: a share of the connections to the dependency (toxicity) are reset",
                        c -> "resets " + StorefrontTemplates.percent(c) + " of connections", c -> 1000));
    }

    private static FailureModeTemplate template(String id, FaultType type, RiskLevel risk, Map<String, String> params,
                                                String description, java.util.function.Function<DraftContext, String> what,
                                                java.util.function.ToDoubleFunction<DraftContext> p99Bound) {
        return new DependencyFaultTemplate(new Definition(id, type, TYPE, description, risk, params,
                c -> "When " + c.dependency() + " " + what.apply(c) + " for " + c.durationSeconds() + " seconds, "
                        + c.service() + " keeps answering reads, with a p99 latency below "
                        + Math.round(p99Bound.applyAsDouble(c)) + " ms",
                HttpApiTemplates::probes,
                c -> List.of(prediction("reads-served", "reads keep succeeding", "reads", Statistic.SUCCESS_RATE,
                                GREATER_OR_EQUAL, 0.99, RATIO, 40),
                        prediction("reads-p99", "the p99 latency of reads stays bounded", "reads",
                                Statistic.P99_LATENCY, LESS_THAN, p99Bound.applyAsDouble(c), MILLISECONDS, 40)),
                HttpApiTemplates::guardrails));
    }

    private static double latencyBound(DraftContext c) {
        try {
            return Long.parseLong(c.parameter("latencyMillis", "1000")) + 500;
        } catch (NumberFormatException e) {
            return 1500;
        }
    }

    private static List<ProbeSpec> probes(DraftContext c) {
        return List.of(Probes.get("reads", c.target().baseUrl() + c.target().probePath(), 250, c.service()));
    }

    private static List<Guardrail> guardrails(DraftContext c) {
        return List.of(failing("reads-failing", "reads", "reads"));
    }
}
