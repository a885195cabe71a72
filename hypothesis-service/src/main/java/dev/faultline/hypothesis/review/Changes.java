package dev.faultline.hypothesis.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * The changes a reviewer asks for; every field is optional. Thresholds and minimum samples are by prediction id
 * (a shorter run may need fewer required samples: lint says how many its window can give).
 */
@Serdeable
public record Changes(@Nullable Long durationSeconds, @Nullable Double trafficShare,
                      @Nullable Map<String, Double> thresholds, @Nullable List<String> removePredictions,
                      @Nullable Map<String, Integer> minSamples) {

    public Changes {
        thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
        removePredictions = removePredictions == null ? List.of() : List.copyOf(removePredictions);
        minSamples = minSamples == null ? Map.of() : Map.copyOf(minSamples);
    }

    public boolean isEmpty() {
        return durationSeconds == null && trafficShare == null && thresholds.isEmpty() && removePredictions.isEmpty()
                && minSamples.isEmpty();
    }
}
