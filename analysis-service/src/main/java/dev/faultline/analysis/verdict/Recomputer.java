package dev.faultline.analysis.verdict;

import dev.faultline.evaluation.Evaluator;
import dev.faultline.evaluation.Readiness;
import dev.faultline.evaluation.Verdict;
import dev.faultline.evaluation.VerdictDiff;
import dev.faultline.analysis.evidence.EvidenceRecords;
import dev.faultline.kit.http.ApiException;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.StopReason;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Recomputes an experiment's latest verdict from the stored records, the way it was computed when issued (the same
 * revision, the same batches, the lost rule for a lost injector, the confidence level its results record), and
 * compares it with the issued one.
 */
@Singleton
public class Recomputer {

    private final EvidenceRecords records;
    private final VerdictRecords verdicts;

    public Recomputer(EvidenceRecords records, VerdictRecords verdicts) {
        this.records = records;
        this.verdicts = verdicts;
    }

    /** The outcome of a recompute: the recomputed verdict, the issued one, and the fields that differ. */
    public record Recomputation(Verdict recomputed, Verdict issued, List<String> differences) {
        public boolean identical() {
            return differences.isEmpty();
        }
    }

    public Recomputation recompute(String experimentId) {
        IssuedVerdict latest = verdicts.latest(experimentId)
                .orElseThrow(() -> ApiException.notFound("no verdict for experiment " + experimentId));
        Verdict issued = Verdict.of(latest.event());
        Verdict recomputed = recompute(experimentId, issued, latest);
        return new Recomputation(recomputed, issued, VerdictDiff.between(issued, recomputed));
    }

    private Verdict recompute(String experimentId, Verdict issued, IssuedVerdict latest) {
        UUID injectionId = issued.injectionId();
        Hypothesis hypothesis = records.hypothesis(experimentId, issued.revision()).orElseThrow(() ->
                ApiException.conflict("revision " + issued.revision() + " of " + experimentId + " is not recorded"));
        InjectionStarted started = records.started(experimentId, injectionId).orElseThrow(() ->
                ApiException.conflict("the start of injection " + injectionId + " is not recorded"));
        Optional<InjectionStopped> stopped = records.stopped(experimentId, injectionId);
        List<EvidenceCaptured> evidence = records.evidence(experimentId, injectionId);
        if (issued.stopReason() == StopReason.LOST || stopped.isEmpty()) {
            // the lost rule picks its batches itself (captured up to the deadline), as when it was issued
            return Evaluator.lost(hypothesis, issued.revision(), evidence, started, issued.confidenceLevel());
        }
        if (!latest.evidenceKeys().isEmpty()) {
            evidence = evidence.stream().filter(b -> latest.evidenceKeys().contains(EvidenceRecords.keyOf(b))).toList();
        } else {
            evidence = Readiness.judged(stopped.get(), evidence);
        }
        return Evaluator.evaluate(hypothesis, issued.revision(), evidence, started, stopped.get(),
                issued.confidenceLevel());
    }
}
