package dev.faultline.hypothesis.lint;

import dev.faultline.schemas.avro.Hypothesis;
import java.util.List;

/** Runs every {@link HypothesisRule} over a hypothesis; an empty result means it may go to review. */
public final class HypothesisLinter {

    private final List<HypothesisRule> rules;

    public HypothesisLinter(long maxDurationMillis) {
        this.rules = List.of(new PredictionRule(), new BlastRadiusRule(), new GuardrailRule(),
                new DurationRule(maxDurationMillis), new ParameterRule(), new ProbeRule());
    }

    public List<Finding> lint(Hypothesis hypothesis) {
        return rules.stream().flatMap(rule -> rule.check(hypothesis).stream()).toList();
    }
}
