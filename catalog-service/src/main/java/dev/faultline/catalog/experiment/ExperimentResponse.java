package dev.faultline.catalog.experiment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** An experiment's status and timeline as the HTTP API shows it (the stored view without its bookkeeping). */
@Serdeable
public record ExperimentResponse(String experimentId, String status, @Nullable String service,
                                 @Nullable String faultType, @Nullable String environment, @Nullable Integer revision,
                                 @Nullable String verdict, @Nullable String stopReason, Evidence evidence,
                                 List<Entry> timeline, @Nullable Instant updatedAt) {

    /** How much evidence was captured. */
    @Serdeable
    public record Evidence(long batches, long samples) {
    }

    /** One timeline entry. */
    @Serdeable
    public record Entry(Instant at, String type, String summary) {
    }

    static ExperimentResponse of(String experimentId, ExperimentView view) {
        return new ExperimentResponse(experimentId, view.status() == null ? null : view.status().name(), view.service(),
                view.faultType(), view.environment(), view.revision(), view.verdict(), view.stopReason(),
                new Evidence(view.evidenceBatches(), view.evidenceSamples()),
                view.timeline().stream().map(e -> new Entry(e.at(), e.type(), e.summary())).toList(), view.updatedAt());
    }
}
