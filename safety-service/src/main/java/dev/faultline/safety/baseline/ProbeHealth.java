package dev.faultline.safety.baseline;

import dev.faultline.evaluation.Wording;
import dev.faultline.evaluation.stats.Decision;
import dev.faultline.evaluation.stats.Interval;
import dev.faultline.schemas.avro.ComparisonOperator;
import dev.faultline.schemas.avro.MeasureUnit;
import dev.faultline.schemas.avro.PredictionOutcome;

/**
 * The BASELINE_HEALTH rule for one HTTP probe measured now: it answers, and its error rate is not confidently above
 * {@code maxErrorRate} — the Wilson interval of the few requests sent now (the verdicts' statistics) must not lie
 * wholly above it. A handful of requests cannot tell a 5 % error rate from a single unlucky failure; blocking only
 * what is confidently unhealthy keeps one stray error from blocking an experiment, while a target failing most
 * requests is still refused. The interval is reported either way. Whether the probe behaves as usual for this hour
 * of the week is HISTORICAL_NORM's question; this one asks only whether the target is healthy enough to inject into.
 */
public final class ProbeHealth {

    /** The judgement of one probe's measurement, in a sentence. */
    public record Result(boolean healthy, String reason) {
    }

    private ProbeHealth() {
    }

    public static Result judge(ProbeMeasurement now, double maxErrorRate) {
        String measured = String.format("%s: error rate %.2f, p95 %.0f ms over %d samples", now.probeId(),
                now.errorRate(), now.p95Millis(), now.samples());
        if (now.isUnreachable()) {
            return new Result(false, now.probeId() + " is unreachable (" + now.lastProblem() + ")");
        }
        Interval interval = now.errorRateInterval();
        String ci = "error rate " + Wording.interval(interval, MeasureUnit.RATIO);
        PredictionOutcome above = Decision.of(ComparisonOperator.GREATER_THAN, maxErrorRate, interval);
        if (above == PredictionOutcome.HELD) {
            return new Result(false, String.format("%s; above the limit %.2f (%s); %s lies above it", measured,
                    maxErrorRate, now.lastProblem(), ci));
        }
        if (now.errorRate() > maxErrorRate) {
            return new Result(true, String.format("%s; %s: not confidently above the limit %.2f (%s)", measured, ci,
                    maxErrorRate, now.lastProblem()));
        }
        return new Result(true, measured + "; " + ci);
    }
}
