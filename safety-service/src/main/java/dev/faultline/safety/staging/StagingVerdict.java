package dev.faultline.safety.staging;

import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.avro.VerdictOutcome;
import java.time.Instant;

/** A verdict analysis-service issued on an experiment: where it ran, what it broke, how it ended and when. */
public record StagingVerdict(String experimentId, int revision, Environment environment, String service,
                             FaultType faultType, VerdictOutcome outcome, Instant issuedAt) {

    public static StagingVerdict of(VerdictIssued v) {
        return new StagingVerdict(v.getHeader().getExperimentId(), v.getRevision(), v.getEnvironment(), v.getService(),
                v.getFaultType(), v.getOutcome(), v.getHeader().getOccurredAt());
    }

    /**
     * Whether the experiment ran and its predictions were judged: ALL_HELD, PARTIALLY_HELD or NONE_HELD. ABORTED
     * (it never ran its course) and INCONCLUSIVE (too little evidence to judge) taught nothing about the failure mode.
     */
    public boolean judged() {
        return outcome == VerdictOutcome.ALL_HELD || outcome == VerdictOutcome.PARTIALLY_HELD
                || outcome == VerdictOutcome.NONE_HELD;
    }
}
