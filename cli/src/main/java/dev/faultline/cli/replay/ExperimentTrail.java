package dev.faultline.cli.replay;

import dev.faultline.evaluation.VerdictDiff.Difference;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.PreflightPassed;
import dev.faultline.schemas.avro.VerdictOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One experiment's decision trail as the replay rebuilds it: the lines in record order, what its verdicts need
 * (hypothesis revisions, clearances, injections) and the outcome of every check.
 */
final class ExperimentTrail {

    /** A recorded verdict and what recomputing it gave. */
    record CheckedVerdict(UUID injectionId, int revision, String rule, VerdictOutcome recorded,
                          VerdictOutcome recomputed, String summary, List<Difference> differences) {

        boolean reproduced() {
            return recomputed != null && differences.isEmpty();
        }
    }

    /** A prediction judged under the policy beside its recorded result. */
    record PredictionChange(String predictionId, double recordedThreshold, double policyThreshold,
                            String recordedOutcome, String policyOutcome, Double observed) {
    }

    /** What an injection's verdict would have been under the policy, and the policy guardrails that would have tripped. */
    record PolicyOutcome(UUID injectionId, VerdictOutcome recorded, VerdictOutcome wouldBe, String wouldBeSummary,
                         String recordedStop, List<PredictionChange> predictions, List<GuardrailWalk.Trip> trips) {
    }

    final String experimentId;
    final Instant firstAt;
    String service;
    final List<TrailEntry> entries = new ArrayList<>();
    final Map<Integer, Hypothesis> revisions = new HashMap<>();
    final Map<UUID, InjectionRecord> injections = new LinkedHashMap<>();
    /** Clearances by clearance id. */
    final Map<UUID, PreflightPassed> clearances = new LinkedHashMap<>();
    final List<CheckedVerdict> verdicts = new ArrayList<>();
    final List<PolicyOutcome> policy = new ArrayList<>();

    ExperimentTrail(String experimentId, Instant firstAt) {
        this.experimentId = experimentId;
        this.firstAt = firstAt;
    }

    InjectionRecord injection(UUID injectionId) {
        return injections.computeIfAbsent(injectionId, InjectionRecord::new);
    }
}
