package dev.faultline.safety.baseline;

import java.util.ArrayList;
import java.util.List;

/**
 * What probing one endpoint a few times now showed.
 *
 * @param errors      samples that failed (status ≥ 500, or no answer)
 * @param unreachable samples that got no HTTP answer at all (connection refused, timeout)
 * @param lastProblem the last failure in words, or null
 */
public record ProbeMeasurement(String probeId, int samples, int errors, int unreachable, double p95Millis,
                               String lastProblem) {

    public double errorRate() {
        return samples == 0 ? 1.0 : (double) errors / samples;
    }

    /** No sample got an HTTP answer. */
    public boolean isUnreachable() {
        return samples == 0 || unreachable == samples;
    }

    /** The 95th percentile (nearest rank) of latencies in milliseconds; 0 when there are none. */
    public static double p95(List<Double> latencies) {
        if (latencies.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(latencies);
        sorted.sort(Double::compare);
        int rank = (int) Math.ceil(0.95 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
