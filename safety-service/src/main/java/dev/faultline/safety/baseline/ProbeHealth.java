package dev.faultline.safety.baseline;

/**
 * The BASELINE_HEALTH rule for one HTTP probe measured now: it answers, and at most {@code maxErrorRate} of its
 * requests fail. Whether it behaves as usual for this hour of the week is HISTORICAL_NORM's question; this one asks
 * only whether the target is healthy enough to inject into at all.
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
        if (now.errorRate() > maxErrorRate) {
            return new Result(false, String.format("%s; above the limit %.2f (%s)", measured, maxErrorRate,
                    now.lastProblem()));
        }
        return new Result(true, measured);
    }
}
