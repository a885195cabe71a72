package dev.faultline.evaluation;

import dev.faultline.schemas.avro.ExperimentPhase;
import java.util.List;

/**
 * When each phase began and ended, as far as the records tell. DURING starts when the fault was applied
 * (InjectionStarted) and ends when it was removed (InjectionStopped); BEFORE and AFTER start at their first sample.
 * A phase with no known start starts at its first sample; a phase with no known end ends at its last sample.
 */
public record Timeline(Long faultApplied, Long faultRemoved, List<Observation> observations) {

    Long start(ExperimentPhase phase) {
        if (phase == ExperimentPhase.DURING && faultApplied != null) {
            return faultApplied;
        }
        return observations.stream().filter(o -> o.phase() == phase).mapToLong(Observation::at).min().stream()
                .boxed().findFirst().orElse(null);
    }

    Long end(ExperimentPhase phase) {
        if (phase == ExperimentPhase.DURING && faultRemoved != null) {
            return faultRemoved;
        }
        return observations.stream().filter(o -> o.phase() == phase).mapToLong(Observation::at).max().stream()
                .boxed().findFirst().orElse(null);
    }
}
