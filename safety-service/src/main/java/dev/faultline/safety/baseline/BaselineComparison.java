package dev.faultline.safety.baseline;

import java.time.Instant;
import java.util.Optional;

/**
 * The baseline-health rule: a probe is healthy now when it answers, its error rate is at most the norm + 0.05 and
 * its p95 latency at most 3 × the norm + 100 ms. With no norm yet, a reachable probe whose error rate is at most
 * 0.05 becomes the norm (a failing target never does). The norm
 * follows healthy measurements slowly (weight {@link #NEW_WEIGHT}), so one odd run does not move it much.
 */
public final class BaselineComparison {

    static final double ERROR_RATE_MARGIN = 0.05;
    static final double LATENCY_FACTOR = 3.0;
    static final double LATENCY_MARGIN_MILLIS = 100.0;
    static final double NEW_WEIGHT = 0.3;

    /** The comparison of one probe's measurement with its norm. */
    public record Result(boolean healthy, boolean firstBaseline, String reason) {
    }

    private BaselineComparison() {
    }

    public static Result compare(ProbeMeasurement now, Optional<Baseline> norm) {
        String measured = String.format("%s: error rate %.2f, p95 %.0f ms over %d samples", now.probeId(),
                now.errorRate(), now.p95Millis(), now.samples());
        if (now.isUnreachable()) {
            return new Result(false, false, now.probeId() + " is unreachable (" + now.lastProblem() + ")");
        }
        if (norm.isEmpty() && now.errorRate() > ERROR_RATE_MARGIN) {
            return new Result(false, false, measured + "; no baseline yet and the target is failing now ("
                    + now.lastProblem() + "), so it is not recorded as the norm");
        }
        if (norm.isEmpty()) {
            return new Result(true, true, measured + "; no baseline yet, recorded this one as the baseline");
        }
        Baseline b = norm.get();
        double maxErrorRate = b.errorRate() + ERROR_RATE_MARGIN;
        double maxP95 = LATENCY_FACTOR * b.p95Millis() + LATENCY_MARGIN_MILLIS;
        if (now.errorRate() > maxErrorRate) {
            return new Result(false, false, String.format("%s; above the baseline error rate %.2f + %.2f",
                    measured, b.errorRate(), ERROR_RATE_MARGIN));
        }
        if (now.p95Millis() > maxP95) {
            return new Result(false, false, String.format("%s; above 3 × baseline p95 %.0f ms + 100 ms = %.0f ms",
                    measured, b.p95Millis(), maxP95));
        }
        return new Result(true, false, String.format("%s; within baseline (error rate %.2f, p95 %.0f ms)",
                measured, b.errorRate(), b.p95Millis()));
    }

    /** The norm after a healthy measurement. */
    public static Baseline updated(String service, Optional<Baseline> norm, ProbeMeasurement now, Instant at) {
        if (norm.isEmpty()) {
            return new Baseline(service, now.probeId(), now.errorRate(), now.p95Millis(), now.samples(), at);
        }
        Baseline b = norm.get();
        return new Baseline(service, now.probeId(), blend(b.errorRate(), now.errorRate()), blend(b.p95Millis(), now.p95Millis()),
                b.samples() + now.samples(), at);
    }

    private static double blend(double old, double current) {
        return (1 - NEW_WEIGHT) * old + NEW_WEIGHT * current;
    }
}
