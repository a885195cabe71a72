package dev.faultline.evaluation;

import dev.faultline.evaluation.stats.ConfidenceLevel;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.FollowUp;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.InjectionRefused;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.PredictionOutcome;
import dev.faultline.schemas.avro.PredictionResult;
import dev.faultline.schemas.avro.PreflightPassed;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.avro.VerdictOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Compares the evidence of one injection with every prediction of the judged hypothesis revision, each on its
 * confidence interval at a level (95 % unless given; every result records it). A pure function: no clock, no
 * randomness but the bootstrap's, seeded from the data; input order irrelevant, so recomputing from the recorded
 * events at the recorded level gives the same verdict.
 */
public final class Evaluator {

    private Evaluator() {
    }

    /** {@link #evaluate(Hypothesis, int, List, InjectionStarted, InjectionStopped, double)} at 95 %. */
    public static Verdict evaluate(Hypothesis hypothesis, int revision, List<EvidenceCaptured> evidence,
                                   InjectionStarted started, InjectionStopped stopped) {
        return evaluate(hypothesis, revision, evidence, started, stopped, ConfidenceLevel.DEFAULT);
    }

    /**
     * The verdict of an injection that stopped; {@code started} may be null (DURING then starts at stoppedAt's
     * startedAt). {@code level} is the confidence level of every prediction's interval, in [0.5, 0.999].
     */
    public static Verdict evaluate(Hypothesis hypothesis, int revision, List<EvidenceCaptured> evidence,
                                   InjectionStarted started, InjectionStopped stopped, double level) {
        long applied = started != null ? started.getHeader().getOccurredAt().toEpochMilli()
                : stopped.getStartedAt().toEpochMilli();
        Timeline timeline = new Timeline(applied, stopped.getStoppedAt().toEpochMilli(), Observation.ordered(evidence));
        return judge(hypothesis, revision, timeline, stopped.getInjectionId(), stopped.getReason(),
                stopped.getDetail(), null, level);
    }

    /**
     * The verdict of an injection whose injector was lost: no InjectionStopped came by the deadline plus grace. The
     * data plane's lease removes the fault; predictions are judged on the batches captured up to the deadline (all
     * of which have arrived by deadline plus grace, so a replay judges the same batches).
     */
    public static Verdict lost(Hypothesis hypothesis, int revision, List<EvidenceCaptured> evidence,
                               InjectionStarted started) {
        return lost(hypothesis, revision, evidence, started, ConfidenceLevel.DEFAULT);
    }

    /** {@link #lost(Hypothesis, int, List, InjectionStarted)} with intervals at {@code level}. */
    public static Verdict lost(Hypothesis hypothesis, int revision, List<EvidenceCaptured> evidence,
                               InjectionStarted started, double level) {
        List<EvidenceCaptured> captured = evidence.stream()
                .filter(batch -> !batch.getHeader().getOccurredAt().isAfter(started.getDeadline())).toList();
        Timeline timeline = new Timeline(started.getHeader().getOccurredAt().toEpochMilli(), null,
                Observation.ordered(captured));
        String lostSummary = "The injector was lost: injection " + started.getInjectionId() + " sent no InjectionStopped"
                + " by its deadline " + started.getDeadline() + " plus the grace period; the data plane's lease (held by "
                + started.getController() + ") expires without renewal and removes the fault.";
        return judge(hypothesis, revision, timeline, started.getInjectionId(), StopReason.LOST,
                "no InjectionStopped by the deadline " + started.getDeadline(), lostSummary, level);
    }

    /**
     * The verdict of a clearance the injector refused (InjectionRefused): nothing was applied, so no prediction can
     * be judged; ABORTED with the injector's reason, which is what to fix.
     */
    public static Verdict refused(Hypothesis hypothesis, InjectionRefused refused) {
        return refused(hypothesis, refused, ConfidenceLevel.DEFAULT);
    }

    /** {@link #refused(Hypothesis, InjectionRefused)}, its (empty) results recording {@code level}. */
    public static Verdict refused(Hypothesis hypothesis, InjectionRefused refused, double level) {
        Timeline nothing = new Timeline(refused.getHeader().getOccurredAt().toEpochMilli(),
                refused.getHeader().getOccurredAt().toEpochMilli(), List.of());
        return judge(hypothesis, refused.getRevision(), nothing, refused.getInjectionId(), StopReason.REFUSED,
                refused.getReason() + ": " + refused.getDetail(), refusedSentence(refused), level);
    }

    /** {@link #refused(Hypothesis, InjectionRefused)} when the refused revision is not recorded: no predictions to list. */
    public static Verdict refused(InjectionRefused refused) {
        FaultSpec fault = refused.getFault();
        String summary = refusedSentence(refused) + " Verdict ABORTED.";
        return new Verdict(refused.getRevision(), refused.getService(), fault == null ? FaultType.UNKNOWN : fault.getFaultType(),
                refused.getEnvironment(), VerdictOutcome.ABORTED, refused.getInjectionId(), StopReason.REFUSED, List.of(), 0,
                FollowUps.forAborted(StopReason.REFUSED, refused.getReason() + ": " + refused.getDetail(),
                        fault == null ? "the fault" : Wording.fault(fault)), summary);
    }

    /**
     * The verdict of a clearance no injector took: neither InjectionStarted nor InjectionRefused came by the time it
     * had to start by, plus the grace period. Nothing was applied.
     */
    public static Verdict neverStarted(Hypothesis hypothesis, PreflightPassed cleared, UUID injectionId, Instant startBy) {
        return neverStarted(hypothesis, cleared, injectionId, startBy, ConfidenceLevel.DEFAULT);
    }

    /** {@link #neverStarted(Hypothesis, PreflightPassed, UUID, Instant)}, its (empty) results recording {@code level}. */
    public static Verdict neverStarted(Hypothesis hypothesis, PreflightPassed cleared, UUID injectionId, Instant startBy,
                                       double level) {
        long at = startBy.toEpochMilli();
        String detail = "cleared at " + cleared.getClearance().getIssuedAt() + " (clearance "
                + cleared.getClearance().getClearanceId() + ") but no injector started or refused it by " + startBy;
        return judge(hypothesis, cleared.getRevision(), new Timeline(at, at, List.of()), injectionId, StopReason.LOST, detail,
                "No injector took the clearance: " + detail + ", so nothing was injected. Is injector-service running"
                        + " and reading faultline.safety?", level);
    }

    private static String refusedSentence(InjectionRefused refused) {
        return "Refused by the injector (" + refused.getReason() + "): " + refused.getDetail()
                + (refused.getDetail().endsWith(".") ? "" : ".") + " Nothing was injected.";
    }

    private static Verdict judge(Hypothesis hypothesis, int revision, Timeline timeline, UUID injectionId,
                                 StopReason reason, String detail, String leadSentence, double level) {
        ConfidenceLevel.check(level, "the confidence level");
        List<PredictionResult> results = hypothesis.getPredictions().stream()
                .map(prediction -> PredictionJudge.judge(prediction, timeline, level)).toList();
        boolean aborted = reason != StopReason.COMPLETED && reason != StopReason.DEADLINE;
        VerdictOutcome outcome = aborted ? VerdictOutcome.ABORTED : overall(results);
        String fault = Wording.fault(hypothesis.getScenario());
        List<FollowUp> followUps = aborted ? FollowUps.forAborted(reason, detail, fault)
                : FollowUps.forResults(hypothesis.getPredictions(), results, fault);
        String summary = summary(hypothesis, outcome, reason, detail, results, leadSentence);
        FaultSpec scenario = hypothesis.getScenario();
        Environment environment = hypothesis.getBlastRadius().getEnvironment();
        return new Verdict(revision, hypothesis.getService(), scenario.getFaultType(), environment, outcome, injectionId,
                reason, results, timeline.observations().size(), followUps, summary);
    }

    /** All held, none held, all inconclusive, or partially held. */
    static VerdictOutcome overall(List<PredictionResult> results) {
        long held = count(results, PredictionOutcome.HELD);
        long notHeld = count(results, PredictionOutcome.NOT_HELD);
        if (results.isEmpty() || held + notHeld == 0) {
            return VerdictOutcome.INCONCLUSIVE;
        }
        if (held == results.size()) {
            return VerdictOutcome.ALL_HELD;
        }
        return held == 0 ? VerdictOutcome.NONE_HELD : VerdictOutcome.PARTIALLY_HELD;
    }

    private static String summary(Hypothesis hypothesis, VerdictOutcome outcome, StopReason reason, String detail,
                                  List<PredictionResult> results, String leadSentence) {
        StringBuilder text = new StringBuilder();
        if (leadSentence != null) {
            text.append(leadSentence).append(' ');
        } else if (outcome == VerdictOutcome.ABORTED) {
            text.append("Aborted: the injection stopped on ").append(reason)
                    .append(detail == null || detail.isBlank() ? "" : " (" + detail + ")").append(". ");
        }
        text.append("Under ").append(Wording.fault(hypothesis.getScenario())).append(" in ")
                .append(hypothesis.getBlastRadius().getEnvironment()).append(": ")
                .append(count(results, PredictionOutcome.HELD)).append(" of ").append(results.size())
                .append(" predictions held");
        appendIds(text, results, PredictionOutcome.NOT_HELD, "not held");
        appendIds(text, results, PredictionOutcome.INCONCLUSIVE, "inconclusive");
        text.append(outcome == VerdictOutcome.ABORTED ? " on the evidence captured before the stop" : "")
                .append(" — verdict ").append(outcome).append('.');
        return text.toString();
    }

    private static void appendIds(StringBuilder text, List<PredictionResult> results, PredictionOutcome outcome,
                                  String label) {
        List<String> ids = new ArrayList<>();
        results.stream().filter(r -> r.getOutcome() == outcome).forEach(r -> ids.add(r.getPredictionId()));
        if (!ids.isEmpty()) {
            text.append(", ").append(ids.size()).append(' ').append(label).append(" (").append(String.join(", ", ids))
                    .append(')');
        }
    }

    private static long count(List<PredictionResult> results, PredictionOutcome outcome) {
        return results.stream().filter(r -> r.getOutcome() == outcome).count();
    }
}
