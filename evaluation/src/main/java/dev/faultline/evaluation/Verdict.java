package dev.faultline.evaluation;

import dev.faultline.evaluation.stats.ConfidenceLevel;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.FollowUp;
import dev.faultline.schemas.avro.PredictionResult;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.avro.VerdictOutcome;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The judgement of one injection: every field of a {@code VerdictIssued} except the event header. Two verdicts
 * computed from the same records are equal, which is what a recompute or a replay checks.
 */
public record Verdict(int revision, String service, FaultType faultType, Environment environment, VerdictOutcome outcome,
                      UUID injectionId, StopReason stopReason, List<PredictionResult> results, long sampleCount,
                      List<FollowUp> followUps, String summary) {

    public Verdict {
        results = List.copyOf(results);
        followUps = List.copyOf(followUps);
    }

    /**
     * The confidence level its results were judged at (one for all), so that a recompute or a replay judges at the
     * same level; {@link ConfidenceLevel#DEFAULT} when none is recorded (no predictions, or a verdict issued before
     * intervals existed).
     */
    public double confidenceLevel() {
        return results.stream().map(PredictionResult::getConfidenceLevel).filter(Objects::nonNull).findFirst()
                .orElse(ConfidenceLevel.DEFAULT);
    }

    /** The verdict an issued event carries (its header left aside). */
    public static Verdict of(VerdictIssued issued) {
        return new Verdict(issued.getRevision(), issued.getService(), issued.getFaultType(), issued.getEnvironment(),
                issued.getOutcome(), issued.getInjectionId(), issued.getStopReason(), issued.getResults(),
                issued.getSampleCount(), issued.getFollowUps(), issued.getSummary());
    }
}
