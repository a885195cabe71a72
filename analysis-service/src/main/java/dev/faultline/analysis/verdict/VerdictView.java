package dev.faultline.analysis.verdict;

import dev.faultline.evaluation.Verdict;
import dev.faultline.schemas.avro.ControlComparison;
import dev.faultline.schemas.avro.FollowUp;
import dev.faultline.schemas.avro.PredictionResult;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A verdict as JSON: every VerdictIssued field, with the issuing event's id and time when it was issued. */
@Serdeable
public record VerdictView(String experimentId, String eventId, String issuedAt, int revision, String service,
                          String faultType, String environment, String outcome, String injectionId, String stopReason,
                          List<Result> results, long sampleCount, List<Action> followUps, String summary) {

    /**
     * One prediction's result with its confidence interval: {@code lower}/{@code upper} null when unbounded on that
     * side or when there is no interval ({@code confidenceLevel} null: judged before intervals existed);
     * {@code samplesNeeded} for an inconclusive one; {@code control} for a DURING prediction with control samples.
     */
    @Serdeable
    public record Result(String predictionId, String statistic, String comparator, double threshold, String unit,
                         Double observed, long sampleCount, int requiredSamples, String outcome, String explanation,
                         Double confidenceLevel, Double lower, Double upper, String intervalMethod, Long samplesNeeded,
                         Control control) {

        static Result of(PredictionResult r) {
            return new Result(r.getPredictionId(), r.getStatistic().name(), r.getComparator().name(), r.getThreshold(),
                    r.getUnit().name(), r.getObserved(), r.getSampleCount(), r.getRequiredSamples(),
                    r.getOutcome().name(), r.getExplanation(), r.getConfidenceLevel(), r.getLower(), r.getUpper(),
                    r.getIntervalMethod(), r.getSamplesNeeded(), Control.of(r.getControl()));
        }
    }

    /** The prediction's probe without the fault (BEFORE and AFTER) against the judged window. */
    @Serdeable
    public record Control(Double controlValue, long controlSamples, Double effect, String effectKind, String test,
                          Double pValue) {

        static Control of(ControlComparison c) {
            return c == null ? null : new Control(c.getControlValue(), c.getControlSamples(), c.getEffect(),
                    c.getEffectKind(), c.getTest(), c.getPValue());
        }
    }

    /** One follow-up action; {@code predictionId} null when it is about the whole run. */
    @Serdeable
    public record Action(String kind, String description, String predictionId) {

        static Action of(FollowUp f) {
            return new Action(f.getKind().name(), f.getDescription(), f.getPredictionId());
        }
    }

    public static VerdictView of(String experimentId, String eventId, String issuedAt, Verdict v) {
        return new VerdictView(experimentId, eventId, issuedAt, v.revision(), v.service(), String.valueOf(v.faultType()),
                String.valueOf(v.environment()), String.valueOf(v.outcome()),
                v.injectionId() == null ? null : v.injectionId().toString(),
                v.stopReason() == null ? null : v.stopReason().name(),
                v.results().stream().map(Result::of).toList(), v.sampleCount(),
                v.followUps().stream().map(Action::of).toList(), v.summary());
    }

    public static VerdictView of(IssuedVerdict issued) {
        return of(issued.experimentId(), issued.event().getHeader().getEventId().toString(),
                issued.event().getHeader().getOccurredAt().toString(), Verdict.of(issued.event()));
    }
}
