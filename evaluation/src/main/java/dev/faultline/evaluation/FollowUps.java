package dev.faultline.evaluation;

import dev.faultline.schemas.avro.FollowUp;
import dev.faultline.schemas.avro.FollowUpKind;
import dev.faultline.schemas.avro.Prediction;
import dev.faultline.schemas.avro.PredictionOutcome;
import dev.faultline.schemas.avro.PredictionResult;
import dev.faultline.schemas.avro.Statistic;
import dev.faultline.schemas.avro.StopReason;
import java.util.ArrayList;
import java.util.List;

/**
 * The next actions a verdict recommends: fix the system where a prediction did not hold (and revisit the threshold
 * when the miss was narrow), rerun where the evidence was too thin or the run was cut short, extend the catalog
 * when everything held.
 */
final class FollowUps {

    /** A miss within this share of the threshold may be a threshold set too tight rather than a flaw. */
    static final double NARROW_MISS = 0.25;

    private FollowUps() {
    }

    static List<FollowUp> forAborted(StopReason reason, String detail, String fault) {
        String why = detail == null || detail.isBlank() ? "" : " (" + detail + ")";
        return switch (reason) {
            case GUARDRAIL -> List.of(of(FollowUpKind.FIX_SYSTEM, "The injection stopped on GUARDRAIL" + why
                    + ": under " + fault + " the system degraded beyond the rollback condition; fix that degradation"
                    + " before rerunning the experiment."));
            case LOST -> List.of(of(FollowUpKind.RERUN, "The injection ended LOST: the injector stopped reporting"
                    + why + "; check the injector's health and rerun to obtain a verdict."));
            case REFUSED -> List.of(of(FollowUpKind.RERUN, "The injector refused to run " + fault + why
                    + "; nothing was injected. Fix the cause (a route, agent or topic to declare in the targets file,"
                    + " a parameter, a stale clearance) and propose the experiment again."));
            case HALTED -> List.of(of(FollowUpKind.RERUN, "The injection was HALTED" + why
                    + "; rerun once the halt is lifted to obtain a verdict."));
            default -> List.of(of(FollowUpKind.RERUN, "The injection ended " + reason + why
                    + "; fix the cause and rerun to obtain a verdict."));
        };
    }

    static List<FollowUp> forResults(List<Prediction> predictions, List<PredictionResult> results, String fault) {
        List<FollowUp> followUps = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Prediction prediction = predictions.get(i);
            PredictionResult result = results.get(i);
            if (result.getOutcome() == PredictionOutcome.NOT_HELD) {
                followUps.add(about(result, FollowUpKind.FIX_SYSTEM, result.getPredictionId() + " (" + prediction.getDescription()
                        + "): " + result.getExplanation() + " under " + fault + ". " + remedy(prediction, fault)));
                if (narrowMiss(result)) {
                    followUps.add(about(result, FollowUpKind.UPDATE_HYPOTHESIS, result.getPredictionId() + ": the observed "
                            + Wording.number(result.getObserved()) + " missed the threshold "
                            + Wording.number(result.getThreshold()) + " by less than "
                            + Math.round(NARROW_MISS * 100) + "%; if that level is acceptable for "
                            + prediction.getProbeId() + ", revise the threshold in a new revision."));
                }
            } else if (result.getOutcome() == PredictionOutcome.INCONCLUSIVE) {
                followUps.add(about(result, FollowUpKind.RERUN, result.getPredictionId() + ": " + result.getSampleCount() + " samples of "
                        + prediction.getProbeId() + " in the " + prediction.getWindow().getPhase() + " window ("
                        + result.getRequiredSamples() + " required)" + needed(result) + "; rerun with a longer window (a"
                        + " longer duration or a shorter skip) so that the prediction can be judged."));
            }
        }
        boolean allHeld = !results.isEmpty()
                && results.stream().allMatch(r -> r.getOutcome() == PredictionOutcome.HELD);
        if (allHeld) {
            followUps.add(of(FollowUpKind.EXTEND_CATALOG, "All " + results.size() + " predictions held under " + fault
                    + ": record the confirmed behaviour in the catalog and extend it with a harsher variant (longer,"
                    + " a larger traffic share) or another failure mode."));
        }
        return followUps;
    }

    private static String remedy(Prediction prediction, String fault) {
        Statistic statistic = prediction.getStatistic();
        return switch (statistic) {
            case P50_LATENCY, P95_LATENCY, P99_LATENCY, MAX_LATENCY, MEAN_LATENCY -> prediction.getProbeId()
                    + " waits on the faulty dependency: bound that wait (a shorter timeout, serve stale while"
                    + " revalidating in the background, or a circuit breaker).";
            case ERROR_RATE, SUCCESS_RATE -> prediction.getProbeId() + " fails with the dependency: add a fallback"
                    + " (cached or degraded answers) so that it keeps serving.";
            case STATUS_SHARE -> prediction.getProbeId() + " should answer status " + prediction.getStatus()
                    + " when the dependency is unavailable: fail fast with that status.";
            case HEADER_PRESENT_SHARE -> prediction.getProbeId() + " should send the header " + prediction.getHeader()
                    + " on its degraded answers.";
            default -> "Make " + prediction.getProbeId() + " meet the prediction under " + fault + ".";
        };
    }

    private static String needed(PredictionResult result) {
        Long needed = result.getSamplesNeeded();
        return needed == null ? "" : ", about " + needed + " would decide it";
    }

    private static boolean narrowMiss(PredictionResult result) {
        double scale = Math.max(Math.abs(result.getThreshold()), 1e-9);
        return result.getObserved() != null
                && Math.abs(result.getObserved() - result.getThreshold()) / scale <= NARROW_MISS;
    }

    private static FollowUp of(FollowUpKind kind, String description) {
        return FollowUp.newBuilder().setKind(kind).setDescription(description).setPredictionId(null).build();
    }

    private static FollowUp about(PredictionResult result, FollowUpKind kind, String description) {
        return FollowUp.newBuilder().setKind(kind).setDescription(description).setPredictionId(result.getPredictionId())
                .build();
    }
}
