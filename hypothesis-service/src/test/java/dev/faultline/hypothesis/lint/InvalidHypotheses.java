package dev.faultline.hypothesis.lint;

import dev.faultline.hypothesis.Fixtures;
import dev.faultline.schemas.avro.ComparisonOperator;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.PredictionWindow;
import dev.faultline.schemas.avro.MeasureUnit;
import dev.faultline.schemas.avro.Guardrail;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.ProbeKind;
import dev.faultline.schemas.avro.ProbeSpec;
import dev.faultline.schemas.avro.Statistic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Named invalid hypotheses, each the valid example with one thing broken. */
final class InvalidHypotheses {

    private InvalidHypotheses() {
    }

    static Hypothesis valid() {
        return Fixtures.exampleHypothesis();
    }

    private static Hypothesis broken(Consumer<Hypothesis> breakIt) {
        Hypothesis h = valid();
        breakIt.accept(h);
        return h;
    }

    static Hypothesis noPredictions() {
        return broken(h -> h.setPredictions(List.of()));
    }

    static Hypothesis unknownStatistic() {
        return broken(h -> h.getPredictions().get(0).setStatistic(Statistic.UNKNOWN));
    }

    static Hypothesis unknownComparator() {
        return broken(h -> h.getPredictions().get(1).setComparator(ComparisonOperator.UNKNOWN));
    }

    static Hypothesis nanThreshold() {
        return broken(h -> h.getPredictions().get(1).setThreshold(Double.NaN));
    }

    static Hypothesis ratioAboveOne() {
        return broken(h -> h.getPredictions().get(0).setThreshold(1.5));
    }

    static Hypothesis zeroMinSamples() {
        return broken(h -> h.getPredictions().get(0).getWindow().setMinSamples(0));
    }

    static Hypothesis statusShareWithoutStatus() {
        return broken(h -> h.getPredictions().get(2).setStatus(null));
    }

    static Hypothesis predictionOnUnknownProbe() {
        return broken(h -> h.getPredictions().get(0).setProbeId("checkout"));
    }

    static Hypothesis zeroTrafficShare() {
        return broken(h -> h.getBlastRadius().setTrafficShare(0.0));
    }

    static Hypothesis trafficShareAboveOne() {
        return broken(h -> h.getBlastRadius().setTrafficShare(1.2));
    }

    static Hypothesis noTargets() {
        return broken(h -> h.getBlastRadius().setTargets(List.of()));
    }

    static Hypothesis unknownEnvironment() {
        return broken(h -> h.getBlastRadius().setEnvironment(Environment.UNKNOWN));
    }

    static Hypothesis noGuardrails() {
        return broken(h -> h.setGuardrails(List.of()));
    }

    static Hypothesis guardrailOnUnknownProbe() {
        return broken(h -> h.getGuardrails().get(0).setProbeId("checkout"));
    }

    static Hypothesis guardrailWithoutWindow() {
        return broken(h -> h.getGuardrails().get(0).setEvaluationWindowMillis(0));
    }

    static Hypothesis zeroDuration() {
        return broken(h -> h.getScenario().setDurationMillis(0));
    }

    static Hypothesis elevenMinutes() {
        return broken(h -> h.getScenario().setDurationMillis(11 * 60_000));
    }

    static Hypothesis negativeLatency() {
        return withParameter("latencyMillis", "-5");
    }

    static Hypothesis successStatus() {
        return withParameter("status", "200");
    }

    /** A malformed body that would invert no byte. */
    static Hypothesis flipEveryZero() {
        return withParameter("flipEvery", "0");
    }

    static Hypothesis toxicityZero() {
        return broken(h -> h.getScenario().setToxicity(0.0));
    }

    /** A METRIC probe that names no metric. */
    static Hypothesis metricProbeWithoutMetric() {
        return broken(h -> h.setProbes(append(h.getProbes(), probe("fallbacks", ProbeKind.METRIC,
                Map.of("aggregate", "rate")))));
    }

    /** The valid example plus a METRIC probe that asks a Prometheus server in PromQL, over a range (valid). */
    static Hypothesis withPromQlProbe() {
        Hypothesis h = valid();
        h.setProbes(append(h.getProbes(), probe("stale", ProbeKind.METRIC, Map.of("source", "prometheus",
                "query", "sum(rate(storefront_cache_lookups_total{result=\"stale\"}[5s]))", "range", "30s"))));
        return h;
    }

    /** A METRIC probe that asks Prometheus without a PromQL query. */
    static Hypothesis promQlProbeWithoutQuery() {
        return broken(h -> h.setProbes(append(h.getProbes(), probe("stale", ProbeKind.METRIC,
                Map.of("source", "prometheus", "range", "30s")))));
    }

    /** A METRIC probe with a PromQL query but no source=prometheus. */
    static Hypothesis queryWithoutPrometheusSource() {
        return broken(h -> h.setProbes(append(h.getProbes(), probe("stale", ProbeKind.METRIC,
                Map.of("query", "sum(rate(storefront_cache_lookups_total[5s]))")))));
    }

    /** A LOG probe with a pattern that does not compile. */
    static Hypothesis logProbeWithBadPattern() {
        return broken(h -> h.setProbes(append(h.getProbes(), probe("errors", ProbeKind.LOG, Map.of("pattern", "(")))));
    }

    /** A value statistic on an HTTP probe. */
    static Hypothesis valueStatisticOnHttpProbe() {
        return broken(h -> h.getPredictions().get(0).setStatistic(Statistic.VALUE_SUM));
    }

    private static ProbeSpec probe(String id, ProbeKind kind, Map<String, String> parameters) {
        return ProbeSpec.newBuilder().setProbeId(id).setKind(kind).setTarget("http://127.0.0.1:18080/metrics")
                .setIntervalMillis(1000).setTimeoutMillis(1000).setParameters(parameters).build();
    }

    private static List<ProbeSpec> append(List<ProbeSpec> probes, ProbeSpec probe) {
        List<ProbeSpec> all = new ArrayList<>(probes);
        all.add(probe);
        return all;
    }

    private static Hypothesis withParameter(String name, String value) {
        return broken(h -> {
            Map<String, String> params = new HashMap<>(h.getScenario().getParameters());
            params.put(name, value);
            h.getScenario().setParameters(params);
        });
    }

    /** The example run for 15 s, its reads-p99 asking for {@code minSamples} of product-reads (one per 200 ms). */
    static Hypothesis fifteenSecondsAsking(int minSamples) {
        return broken(h -> {
            h.getScenario().setDurationMillis(15_000);
            // what the templates draft for 15 s on order-writes (2 a second after the 2 s skip, 80 %)
            h.getPredictions().stream().filter(p -> p.getProbeId().equals("order-writes"))
                    .forEach(p -> p.getWindow().setMinSamples(19));
            h.getPredictions().get(1).getWindow().setMinSamples(minSamples);
        });
    }

    /** reads-served about the whole BEFORE phase (5 s, no skip). */
    static Hypothesis beforePhaseAsking(int minSamples) {
        return broken(h -> {
            PredictionWindow window = h.getPredictions().get(0).getWindow();
            window.setPhase(ExperimentPhase.BEFORE);
            window.setSkipFirstMillis(0);
            window.setMinSamples(minSamples);
        });
    }

    /** reads-served about 2 s of the AFTER phase after a 500 ms skip. */
    static Hypothesis afterPhaseWindowAsking(int minSamples) {
        return broken(h -> {
            PredictionWindow window = h.getPredictions().get(0).getWindow();
            window.setPhase(ExperimentPhase.AFTER);
            window.setSkipFirstMillis(500);
            window.setLengthMillis(2000L);
            window.setMinSamples(minSamples);
        });
    }

    static Hypothesis skipAsLongAsTheRun() {
        return broken(h -> h.getPredictions().get(0).getWindow().setSkipFirstMillis(30_000));
    }

    /** reads-failing (error rate over 3 s) sustained {@code sustainMillis} in the 30 s run. */
    static Hypothesis guardrailSustained(long sustainMillis) {
        return broken(h -> h.getGuardrails().get(0).setSustainMillis(sustainMillis));
    }

    /** reads-failing turned into "p99 latency comparator threshold" over its 3 s window. */
    static Hypothesis latencyGuardrail(ComparisonOperator comparator, double thresholdMillis) {
        return broken(h -> {
            Guardrail g = h.getGuardrails().get(0);
            g.setStatistic(Statistic.P99_LATENCY);
            g.setComparator(comparator);
            g.setThreshold(thresholdMillis);
            g.setUnit(MeasureUnit.MILLISECONDS);
        });
    }

    static Hypothesis errorRateGuardrail(ComparisonOperator comparator, double threshold) {
        return broken(h -> {
            h.getGuardrails().get(0).setComparator(comparator);
            h.getGuardrails().get(0).setThreshold(threshold);
        });
    }

    /** reads-failing turned into "SAMPLE_COUNT comparator count" over its 3 s window of product-reads (200 ms). */
    static Hypothesis sampleCountGuardrail(ComparisonOperator comparator, double count) {
        return broken(h -> {
            Guardrail g = h.getGuardrails().get(0);
            g.setStatistic(Statistic.SAMPLE_COUNT);
            g.setComparator(comparator);
            g.setThreshold(count);
            g.setUnit(MeasureUnit.COUNT);
        });
    }
}
