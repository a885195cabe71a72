package dev.faultline.evaluation.stats;

import dev.faultline.schemas.avro.ComparisonOperator;
import dev.faultline.schemas.avro.PredictionOutcome;
import dev.faultline.schemas.measure.Comparison;

/**
 * A prediction {@code statistic comparator threshold} decided on an interval: HELD when the comparison holds for
 * every value in the interval, NOT_HELD when it holds for none, INCONCLUSIVE otherwise (the interval straddles the
 * threshold). Values compare through {@link Comparison}, with its tolerance. Since {@link Interval}s contain their
 * estimate, HELD implies that the estimate holds and NOT_HELD that it does not.
 */
public final class Decision {

    private Decision() {
    }

    public static PredictionOutcome of(ComparisonOperator comparator, double threshold, Interval interval) {
        if (!Comparison.decides(comparator)) {
            return PredictionOutcome.INCONCLUSIVE;
        }
        boolean lower = Comparison.holds(comparator, interval.lower(), threshold);
        boolean upper = Comparison.holds(comparator, interval.upper(), threshold);
        // the order comparators are monotone in the value: the two bounds tell all
        boolean sameSide = (interval.lower() > threshold) == (interval.upper() > threshold);
        return switch (comparator) {
            case LESS_THAN, LESS_OR_EQUAL, GREATER_THAN, GREATER_OR_EQUAL ->
                    lower && upper ? PredictionOutcome.HELD
                            : !lower && !upper ? PredictionOutcome.NOT_HELD : PredictionOutcome.INCONCLUSIVE;
            // both bounds equal to the threshold: every value between is; both unequal on one side: none is
            case EQUAL -> lower && upper ? PredictionOutcome.HELD
                    : !lower && !upper && sameSide ? PredictionOutcome.NOT_HELD : PredictionOutcome.INCONCLUSIVE;
            case NOT_EQUAL -> lower && upper && sameSide ? PredictionOutcome.HELD
                    : !lower && !upper ? PredictionOutcome.NOT_HELD : PredictionOutcome.INCONCLUSIVE;
            default -> PredictionOutcome.INCONCLUSIVE;
        };
    }
}
