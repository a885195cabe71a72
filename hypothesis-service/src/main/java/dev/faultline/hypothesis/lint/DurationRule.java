package dev.faultline.hypothesis.lint;

import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.LintRule;
import java.util.List;

/** The fault must be bounded in time: a positive duration no longer than the configured maximum. */
public final class DurationRule implements HypothesisRule {

    private final long maxMillis;

    public DurationRule(long maxMillis) {
        this.maxMillis = maxMillis;
    }

    @Override
    public List<Finding> check(Hypothesis h) {
        long duration = h.getScenario().getDurationMillis();
        if (duration <= 0) {
            return List.of(Finding.of(LintRule.NO_DURATION, "scenario.durationMillis",
                    "give the fault a positive duration (was " + duration + " ms)"));
        }
        if (duration > maxMillis) {
            return List.of(Finding.of(LintRule.NO_DURATION, "scenario.durationMillis",
                    "the duration " + duration / 1000 + " s exceeds the maximum of " + maxMillis / 1000 + " s; shorten it"));
        }
        return List.of();
    }
}
