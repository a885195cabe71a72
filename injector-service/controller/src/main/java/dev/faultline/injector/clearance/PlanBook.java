package dev.faultline.injector.clearance;

import dev.faultline.schemas.avro.Hypothesis;
import java.util.Optional;
import java.util.OptionalInt;

/** Every drafted revision of each experiment's hypothesis and the revision that was approved, as read from faultline.hypotheses. */
public interface PlanBook {

    void draft(String experimentId, int revision, Hypothesis hypothesis);

    void approve(String experimentId, int revision);

    OptionalInt approvedRevision(String experimentId);

    Optional<Hypothesis> revision(String experimentId, int revision);
}
