package dev.faultline.hypothesis.lint;

import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.Hypothesis;

/**
 * How long each phase of a run lasts, for the arithmetic of samples: DURING the fault's duration, BEFORE and AFTER
 * the injector's {@code faultline.injector.before-millis} and {@code after-millis} (which hypothesis-service is told
 * in its own settings: the plan does not carry them). Nominal lengths: the rehearsal of the stop action before the
 * fault and its removal after it add a moment to BEFORE and AFTER that a plan cannot count on.
 */
public record PhaseLengths(long beforeMillis, long afterMillis) {

    /** The phase's length in {@code h}'s run, in ms; 0 for an unknown phase. */
    long millis(ExperimentPhase phase, Hypothesis h) {
        return switch (phase) {
            case BEFORE -> beforeMillis;
            case DURING -> h.getScenario().getDurationMillis();
            case AFTER -> afterMillis;
            default -> 0;
        };
    }

    /** Where the phase's length comes from, for a finding. */
    static String source(ExperimentPhase phase) {
        return switch (phase) {
            case BEFORE -> "the injector's before-millis";
            case AFTER -> "the injector's after-millis";
            default -> "the fault's duration";
        };
    }
}
