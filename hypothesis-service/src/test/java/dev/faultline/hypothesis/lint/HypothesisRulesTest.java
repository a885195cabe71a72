package dev.faultline.hypothesis.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.hypothesis.Fixtures;
import dev.faultline.schemas.avro.ComparisonOperator;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.LintRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every hypothesis rule against its named invalid fixtures; the valid example passes all of them. */
class HypothesisRulesTest {

    private final HypothesisLinter linter = Fixtures.linter();

    private List<Finding> lint(Hypothesis h) {
        return linter.lint(h);
    }

    private static void assertOnly(List<Finding> findings, LintRule rule, String path, String advice) {
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).rule()).isEqualTo(rule);
        assertThat(findings.get(0).path()).isEqualTo(path);
        assertThat(findings.get(0).message()).contains(advice);
    }

    @Test
    void shouldPassTheExample() {
        assertThat(lint(InvalidHypotheses.valid())).isEmpty();
        assertThat(lint(InvalidHypotheses.withPromQlProbe())).as("a METRIC probe asking Prometheus").isEmpty();
    }

    @Test
    void shouldRejectAHypothesisWithoutPredictions() {
        assertOnly(lint(InvalidHypotheses.noPredictions()), LintRule.NO_MEASURABLE_PREDICTION, "predictions",
                "add at least one prediction");
    }

    @Test
    void shouldRejectUnmeasurablePredictions() {
        assertOnly(lint(InvalidHypotheses.unknownStatistic()), LintRule.NO_MEASURABLE_PREDICTION,
                "predictions[reads-served].statistic", "name the statistic");
        assertOnly(lint(InvalidHypotheses.unknownComparator()), LintRule.NO_MEASURABLE_PREDICTION,
                "predictions[reads-p99].comparator", "how to compare");
        assertOnly(lint(InvalidHypotheses.nanThreshold()), LintRule.NO_MEASURABLE_PREDICTION,
                "predictions[reads-p99].threshold", "finite number");
        assertOnly(lint(InvalidHypotheses.zeroMinSamples()), LintRule.NO_MEASURABLE_PREDICTION,
                "predictions[reads-served].window.minSamples", "at least 1 sample");
        assertOnly(lint(InvalidHypotheses.statusShareWithoutStatus()), LintRule.NO_MEASURABLE_PREDICTION,
                "predictions[orders-503].status", "HTTP status");
        assertOnly(lint(InvalidHypotheses.ratioAboveOne()), LintRule.INVALID_PARAMETER,
                "predictions[reads-served].threshold", "within 0..1");
    }

    @Test
    void shouldRejectAPredictionOnAnUnknownProbe() {
        assertOnly(lint(InvalidHypotheses.predictionOnUnknownProbe()), LintRule.UNKNOWN_PROBE,
                "predictions[reads-served].probeId", "'checkout' which is not defined");
    }

    @Test
    void shouldRejectAnUnboundedBlastRadius() {
        assertOnly(lint(InvalidHypotheses.zeroTrafficShare()), LintRule.UNBOUNDED_BLAST_RADIUS,
                "blastRadius.trafficShare", "greater than 0 and at most 1");
        assertOnly(lint(InvalidHypotheses.trafficShareAboveOne()), LintRule.UNBOUNDED_BLAST_RADIUS,
                "blastRadius.trafficShare", "was 1.2");
        assertOnly(lint(InvalidHypotheses.noTargets()), LintRule.UNBOUNDED_BLAST_RADIUS, "blastRadius.targets",
                "name the service or link");
        assertOnly(lint(InvalidHypotheses.unknownEnvironment()), LintRule.UNBOUNDED_BLAST_RADIUS,
                "blastRadius.environment", "name the environment");
    }

    @Test
    void shouldRejectAHypothesisWithoutARollbackCondition() {
        assertOnly(lint(InvalidHypotheses.noGuardrails()), LintRule.NO_ROLLBACK_CONDITION, "guardrails",
                "add a guardrail");
        assertOnly(lint(InvalidHypotheses.guardrailWithoutWindow()), LintRule.NO_ROLLBACK_CONDITION,
                "guardrails[reads-failing].evaluationWindowMillis", "must be positive");
        assertOnly(lint(InvalidHypotheses.guardrailOnUnknownProbe()), LintRule.UNKNOWN_PROBE,
                "guardrails[reads-failing].probeId", "not defined");
    }

    @Test
    void shouldRejectAMissingOrExcessiveDuration() {
        assertOnly(lint(InvalidHypotheses.zeroDuration()), LintRule.NO_DURATION, "scenario.durationMillis",
                "positive duration");
        assertOnly(lint(InvalidHypotheses.elevenMinutes()), LintRule.NO_DURATION, "scenario.durationMillis",
                "660 s exceeds the maximum of 600 s");
    }

    @Test
    void shouldRejectInvalidFaultParameters() {
        assertOnly(lint(InvalidHypotheses.negativeLatency()), LintRule.INVALID_PARAMETER,
                "scenario.parameters.latencyMillis", "from 1 to 60000");
        assertOnly(lint(InvalidHypotheses.successStatus()), LintRule.INVALID_PARAMETER, "scenario.parameters.status",
                "from 400 to 599");
        assertOnly(lint(InvalidHypotheses.flipEveryZero()), LintRule.INVALID_PARAMETER,
                "scenario.parameters.flipEvery", "from 1 (every byte)");
        assertOnly(lint(InvalidHypotheses.toxicityZero()), LintRule.INVALID_PARAMETER, "scenario.toxicity",
                "greater than 0");
    }

    @Test
    void shouldRejectMetricAndLogProbesThatCannotMeasureAndValueStatisticsOnHttpProbes() {
        assertOnly(lint(InvalidHypotheses.metricProbeWithoutMetric()), LintRule.INVALID_PARAMETER,
                "probes[fallbacks].parameters", "METRIC probe fallbacks: metric: '' is not a metric name");
        assertOnly(lint(InvalidHypotheses.promQlProbeWithoutQuery()), LintRule.INVALID_PARAMETER,
                "probes[stale].parameters", "METRIC probe stale: query: a METRIC probe with source=prometheus needs a"
                        + " PromQL query");
        assertOnly(lint(InvalidHypotheses.queryWithoutPrometheusSource()), LintRule.INVALID_PARAMETER,
                "probes[stale].parameters", "METRIC probe stale: query: belongs to a PromQL query, which needs"
                        + " source=prometheus");
        assertOnly(lint(InvalidHypotheses.logProbeWithBadPattern()), LintRule.INVALID_PARAMETER,
                "probes[errors].parameters", "LOG probe errors: pattern:");
        assertOnly(lint(InvalidHypotheses.valueStatisticOnHttpProbe()), LintRule.NO_MEASURABLE_PREDICTION,
                "predictions[reads-served].statistic", "use a METRIC or LOG probe");
    }

    @Test
    void shouldRejectAPredictionWhoseProbeCannotGiveItsSamplesShowingTheArithmetic() {
        assertOnly(lint(InvalidHypotheses.fifteenSecondsAsking(66)), LintRule.INSUFFICIENT_SAMPLES,
                "predictions[reads-p99].window.minSamples", "reads-p99 asks for 66 samples of product-reads in the"
                        + " DURING window; product-reads samples every 200 ms (one request per interval, sent without"
                        + " waiting for the previous answer) and the window is 15 s (the fault's duration) − 2 s skip ="
                        + " 13 s, so at most 65 samples: lower minSamples to ≤ 65, sample more often or lengthen the run");
        assertThat(lint(InvalidHypotheses.fifteenSecondsAsking(65))).as("at the boundary").isEmpty();

        assertOnly(lint(InvalidHypotheses.beforePhaseAsking(26)), LintRule.INSUFFICIENT_SAMPLES,
                "predictions[reads-served].window.minSamples", "the window is 5 s (the injector's before-millis)"
                        + " − 0 ms skip = 5 s, so at most 25 samples: lower minSamples to ≤ 25, sample more often or"
                        + " lengthen BEFORE (the injector's before-millis, and"
                        + " faultline.hypothesis.injector-before-millis with it)");
        assertThat(lint(InvalidHypotheses.beforePhaseAsking(25))).isEmpty();
        assertThat(new HypothesisLinter(Fixtures.MAX_DURATION_MILLIS, new PhaseLengths(1000, 3000))
                .lint(InvalidHypotheses.beforePhaseAsking(25))).as("a shorter BEFORE configured")
                .singleElement().satisfies(f -> assertThat(f.message()).contains("1 s (the injector's before-millis)",
                        "at most 5 samples"));

        assertOnly(lint(InvalidHypotheses.afterPhaseWindowAsking(11)), LintRule.INSUFFICIENT_SAMPLES,
                "predictions[reads-served].window.minSamples", "the window is 2 s (lengthMillis; 3 s (the injector's"
                        + " after-millis) − 500 ms skip = 2.5 s), so at most 10 samples");
        assertThat(lint(InvalidHypotheses.afterPhaseWindowAsking(10))).isEmpty();

        assertOnly(lint(InvalidHypotheses.skipAsLongAsTheRun()), LintRule.INSUFFICIENT_SAMPLES,
                "predictions[reads-served].window.minSamples", "30 s (the fault's duration) − 30 s skip = 0 ms, so no"
                        + " sample at all: lengthen the run beyond the skip or shorten skipFirstMillis");
    }

    @Test
    void shouldRejectAGuardrailThatCannotFireSayingWhatToChange() {
        assertOnly(lint(InvalidHypotheses.guardrailSustained(30_000)), LintRule.GUARDRAIL_CANNOT_FIRE,
                "guardrails[reads-failing].sustainMillis", "reads-failing must hold for 30 s before it stops the run,"
                        + " but the fault lasts 30 s: it can never fire; make sustainMillis shorter than 30 s or"
                        + " lengthen the run");
        assertThat(lint(InvalidHypotheses.guardrailSustained(29_999))).isEmpty();

        assertOnly(lint(InvalidHypotheses.latencyGuardrail(ComparisonOperator.GREATER_THAN, 3000)),
                LintRule.GUARDRAIL_CANNOT_FIRE, "guardrails[reads-failing].threshold", "reads-failing trips when"
                        + " P99_LATENCY GREATER_THAN 3000 ms, but it judges the requests sent in its last 3 s and sees a"
                        + " request only once answered, so no latency above 3 s ever reaches it (a service that hangs"
                        + " included): lengthen evaluationWindowMillis beyond 3 s or lower the threshold below 3 s");
        assertThat(lint(InvalidHypotheses.latencyGuardrail(ComparisonOperator.GREATER_THAN, 2999))).isEmpty();
        assertThat(lint(InvalidHypotheses.latencyGuardrail(ComparisonOperator.GREATER_OR_EQUAL, 3000))).isEmpty();

        assertOnly(lint(InvalidHypotheses.errorRateGuardrail(ComparisonOperator.GREATER_THAN, 1.0)),
                LintRule.GUARDRAIL_CANNOT_FIRE, "guardrails[reads-failing].threshold",
                "ERROR_RATE GREATER_THAN 1, but a share lies within 0..1");
        assertThat(lint(InvalidHypotheses.errorRateGuardrail(ComparisonOperator.GREATER_OR_EQUAL, 1.0))).isEmpty();

        assertOnly(lint(InvalidHypotheses.sampleCountGuardrail(ComparisonOperator.GREATER_OR_EQUAL, 17)),
                LintRule.GUARDRAIL_CANNOT_FIRE, "guardrails[reads-failing].threshold", "product-reads samples every"
                        + " 200 ms, so its 3 s window holds at most 16 samples: lower the threshold");
        assertThat(lint(InvalidHypotheses.sampleCountGuardrail(ComparisonOperator.GREATER_OR_EQUAL, 16))).isEmpty();
    }
}
