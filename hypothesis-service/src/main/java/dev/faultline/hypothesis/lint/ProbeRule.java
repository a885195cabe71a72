package dev.faultline.hypothesis.lint;

import dev.faultline.kit.probe.LogQuery;
import dev.faultline.kit.probe.MetricQuery;
import dev.faultline.kit.probe.MetricSource;
import dev.faultline.kit.probe.PromQuery;
import dev.faultline.schemas.avro.Guardrail;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.LintRule;
import dev.faultline.schemas.avro.Prediction;
import dev.faultline.schemas.avro.ProbeKind;
import dev.faultline.schemas.avro.ProbeSpec;
import dev.faultline.schemas.avro.Statistic;
import dev.faultline.schemas.measure.Measure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A METRIC probe must name a metric and a valid way to read it — or, with {@code source=prometheus}, a PromQL
 * {@code query} (and a valid {@code range}/{@code step}) for the Prometheus server it targets — and a LOG probe what
 * lines to count (their {@code parameters}, read with the injector's own {@link MetricSource}, {@link MetricQuery},
 * {@link PromQuery} and {@link LogQuery}; the PromQL itself is Prometheus' to check, which the preflight asks); and a
 * value statistic (VALUE_MEAN, VALUE_MAX, VALUE_MIN, VALUE_SUM) needs a probe that measures values — on an HTTP
 * probe it could never be computed.
 */
public final class ProbeRule implements HypothesisRule {

    @Override
    public List<Finding> check(Hypothesis h) {
        List<Finding> findings = new ArrayList<>();
        for (ProbeSpec probe : h.getProbes()) {
            String path = "probes[" + probe.getProbeId() + "].parameters";
            try {
                if (probe.getKind() == ProbeKind.METRIC
                        && MetricSource.of(probe.getParameters()) == MetricSource.PROMETHEUS) {
                    PromQuery.of(probe.getParameters());
                } else if (probe.getKind() == ProbeKind.METRIC) {
                    MetricQuery.of(probe.getParameters());
                } else if (probe.getKind() == ProbeKind.LOG) {
                    LogQuery.of(probe.getParameters());
                }
            } catch (IllegalArgumentException e) {
                findings.add(Finding.of(LintRule.INVALID_PARAMETER, path, probe.getKind() + " probe "
                        + probe.getProbeId() + ": " + e.getMessage()));
            }
        }
        Map<String, ProbeKind> kinds = h.getProbes().stream()
                .collect(Collectors.toMap(ProbeSpec::getProbeId, ProbeSpec::getKind, (a, b) -> a));
        for (Prediction p : h.getPredictions()) {
            valueOnValues("predictions[" + p.getPredictionId() + "]", p.getStatistic(), p.getProbeId(), kinds, findings);
        }
        for (Guardrail g : h.getGuardrails()) {
            valueOnValues("guardrails[" + g.getGuardrailId() + "]", g.getStatistic(), g.getProbeId(), kinds, findings);
        }
        return findings;
    }

    private static void valueOnValues(String path, Statistic statistic, String probeId, Map<String, ProbeKind> kinds,
                                      List<Finding> findings) {
        ProbeKind kind = kinds.get(probeId);
        if (Measure.isOverValues(statistic) && kind != null && kind != ProbeKind.METRIC && kind != ProbeKind.LOG) {
            findings.add(Finding.of(LintRule.NO_MEASURABLE_PREDICTION, path + ".statistic", statistic
                    + " reads the values METRIC and LOG probes measure, and probe " + probeId + " is " + kind
                    + ": use a METRIC or LOG probe, or a statistic of the answers"));
        }
    }
}
