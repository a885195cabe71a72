package dev.faultline.hypothesis.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.hypothesis.Fixtures;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.LintRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every hypothesis rule against its named invalid fixtures; the valid example passes all of them. */
class HypothesisRulesTest {

    private final HypothesisLinter linter = new HypothesisLinter(Fixtures.MAX_DURATION_MILLIS);

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
}
