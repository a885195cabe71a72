package dev.faultline.hypothesis.lint;

import dev.faultline.schemas.avro.ComparisonOperator;
import dev.faultline.schemas.avro.Guardrail;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.LintRule;
import dev.faultline.schemas.avro.ProbeSpec;
import dev.faultline.schemas.avro.Statistic;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** An experiment needs a rollback condition: at least one guardrail on a known probe that can actually breach. */
public final class GuardrailRule implements HypothesisRule {

    @Override
    public List<Finding> check(Hypothesis h) {
        List<Finding> findings = new ArrayList<>();
        if (h.getGuardrails().isEmpty()) {
            findings.add(Finding.of(LintRule.NO_ROLLBACK_CONDITION, "guardrails",
                    "add a guardrail that stops the experiment when the service degrades too far"));
            return findings;
        }
        Set<String> probes = h.getProbes().stream().map(ProbeSpec::getProbeId).collect(Collectors.toSet());
        for (Guardrail g : h.getGuardrails()) {
            String path = "guardrails[" + g.getGuardrailId() + "]";
            if (!probes.contains(g.getProbeId())) {
                findings.add(Finding.of(LintRule.UNKNOWN_PROBE, path + ".probeId",
                        "guardrail uses probe '" + g.getProbeId() + "' which is not defined; use one of " + probes));
            }
            if (g.getStatistic() == Statistic.UNKNOWN || g.getComparator() == ComparisonOperator.UNKNOWN
                    || !Double.isFinite(g.getThreshold())) {
                findings.add(Finding.of(LintRule.NO_ROLLBACK_CONDITION, path,
                        "the guardrail needs a statistic, a comparator and a finite threshold to ever breach"));
            }
            if (g.getEvaluationWindowMillis() <= 0 || g.getSustainMillis() < 0) {
                findings.add(Finding.of(LintRule.NO_ROLLBACK_CONDITION, path + ".evaluationWindowMillis",
                        "the evaluation window must be positive and the sustain time not negative"));
            }
        }
        return findings;
    }
}
