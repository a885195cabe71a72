package dev.faultline.hypothesis.lint;

import dev.faultline.schemas.avro.Hypothesis;
import java.util.List;

/** Runs every {@link HypothesisRule} over a hypothesis; an empty result means it may go to review. */
public final class HypothesisLinter {

    private final List<HypothesisRule> rules;

    /** @param phases how long the injector's BEFORE and AFTER phases last, for the arithmetic of samples */
    public HypothesisLinter(long maxDurationMillis, PhaseLengths phases) {
        this.rules = List.of(new PredictionRule(), new BlastRadiusRule(), new GuardrailRule(),
                new DurationRule(maxDurationMillis), new ParameterRule(), new ProbeRule(), new SamplesRule(phases),
                new GuardrailReachRule());
    }

    public List<Finding> lint(Hypothesis hypothesis) {
        return rules.stream().flatMap(rule -> rule.check(hypothesis).stream()).toList();
    }
}
