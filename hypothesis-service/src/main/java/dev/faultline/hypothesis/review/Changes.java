package dev.faultline.hypothesis.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/** The changes a reviewer asks for; every field is optional. Thresholds are by prediction id. */
@Serdeable
public record Changes(@Nullable Long durationSeconds, @Nullable Double trafficShare,
                      @Nullable Map<String, Double> thresholds, @Nullable List<String> removePredictions) {

    public Changes {
        thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
        removePredictions = removePredictions == null ? List.of() : List.copyOf(removePredictions);
    }

    public boolean isEmpty() {
        return durationSeconds == null && trafficShare == null && thresholds.isEmpty() && removePredictions.isEmpty();
    }
}
