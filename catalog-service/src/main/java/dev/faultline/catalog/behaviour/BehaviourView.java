package dev.faultline.catalog.behaviour;

import dev.faultline.schemas.avro.KnownBehaviourUpdated;
import dev.faultline.schemas.avro.ObservedDimension;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** A known-behaviour entry as the HTTP API shows it; {@code stale} and {@code staleReason} as the topology judged. */
@Serdeable
public record BehaviourView(String behaviourKey, String service, String faultType, String change,
                            List<Dimension> dimensions, List<String> experimentIds, Instant lastTestedAt,
                            boolean stale, @Nullable String staleReason) {

    /** What is known about one dimension (one prediction id), with the latest prediction's comparator and threshold. */
    @Serdeable
    public record Dimension(String dimension, String statistic, String unit, @Nullable Double lastObserved,
                            String lastOutcome, @Nullable String comparator, @Nullable Double threshold,
                            int confirmations, int contradictions, List<String> experimentIds) {

        static Dimension of(ObservedDimension d) {
            return new Dimension(d.getDimension(), d.getStatistic().name(), d.getUnit().name(), d.getLastObserved(),
                    d.getLastOutcome().name(), d.getComparator() == null ? null : d.getComparator().name(),
                    d.getThreshold(), d.getConfirmations(), d.getContradictions(), List.copyOf(d.getExperimentIds()));
        }
    }

    static BehaviourView of(KnownBehaviourUpdated entry) {
        return new BehaviourView(entry.getBehaviourKey(), entry.getService(), entry.getFaultType().name(),
                entry.getChange().name(), entry.getDimensions().stream().map(Dimension::of).toList(),
                List.copyOf(entry.getExperimentIds()), entry.getLastTestedAt(), entry.getStale(), entry.getStaleReason());
    }
}
