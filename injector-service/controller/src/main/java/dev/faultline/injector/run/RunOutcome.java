package dev.faultline.injector.run;

import dev.faultline.schemas.avro.StopReason;
import java.time.Instant;

/**
 * How a run ended — what InjectionStopped reports — plus the timing of the stop: when the fault was removed (and
 * verified gone), and for a guardrail stop when the breach was detected and since when its condition held.
 */
public record RunOutcome(StopReason reason, String guardrailId, Double observed, String detail, Instant startedAt,
                         Instant stoppedAt, boolean rollbackVerified, long evidenceBatches, Instant breachDetectedAt,
                         Instant conditionSince, Instant removedAt) {

    /** Milliseconds from the guardrail's breach detection to the fault being removed and verified, or -1. */
    public long breachToRemovalMillis() {
        return breachDetectedAt == null ? -1 : removedAt.toEpochMilli() - breachDetectedAt.toEpochMilli();
    }
}
