package dev.faultline.analysis.evaluation;

import dev.faultline.schemas.avro.ProbeSample;
import dev.faultline.schemas.avro.Statistic;
import java.util.List;
import java.util.Locale;

/**
 * Computes one statistic over a window's samples. Latencies in milliseconds over all samples, failed ones included
 * (a timeout is the latency a user saw); percentiles by nearest rank; shares as ratios 0..1; throughput in samples
 * per second of the window. Returns null when the statistic has no value (no samples, a window of no length).
 */
public final class Statistics {

    private Statistics() {
    }

    /**
     * @param status         the status a STATUS_SHARE counts
     * @param header         the header a HEADER_PRESENT_SHARE looks for (case-insensitive)
     * @param windowMillis   the window's length for THROUGHPUT, null when unknown
     */
    public static Double compute(Statistic statistic, List<ProbeSample> samples, Integer status, String header,
                                 Long windowMillis) {
        if (statistic == Statistic.SAMPLE_COUNT) {
            return (double) samples.size();
        }
        if (samples.isEmpty()) {
            return null;
        }
        return switch (statistic) {
            case P50_LATENCY -> percentile(samples, 50);
            case P95_LATENCY -> percentile(samples, 95);
            case P99_LATENCY -> percentile(samples, 99);
            case MAX_LATENCY -> samples.stream().mapToDouble(ProbeSample::getLatencyMillis).max().orElseThrow();
            case MEAN_LATENCY -> mean(samples);
            case ERROR_RATE -> share(samples.stream().filter(s -> !s.getOk()).count(), samples);
            case SUCCESS_RATE -> share(samples.stream().filter(ProbeSample::getOk).count(), samples);
            case STATUS_SHARE -> status == null ? null
                    : share(samples.stream().filter(s -> status.equals(s.getStatus())).count(), samples);
            case HEADER_PRESENT_SHARE -> header == null ? null
                    : share(samples.stream().filter(s -> hasHeader(s, header)).count(), samples);
            case THROUGHPUT -> windowMillis == null || windowMillis <= 0 ? null : samples.size() * 1000.0 / windowMillis;
            default -> null;
        };
    }

    /** Nearest-rank percentile: the smallest value with at least p % of the values at or below it. */
    public static double percentile(List<ProbeSample> samples, double p) {
        double[] sorted = samples.stream().mapToDouble(ProbeSample::getLatencyMillis).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    private static double mean(List<ProbeSample> samples) {
        double sum = 0;
        for (ProbeSample sample : samples) {
            sum += sample.getLatencyMillis();
        }
        return sum / samples.size();
    }

    private static double share(long count, List<ProbeSample> samples) {
        return (double) count / samples.size();
    }

    private static boolean hasHeader(ProbeSample sample, String header) {
        String wanted = header.toLowerCase(Locale.ROOT);
        return sample.getHeaders().stream().anyMatch(h -> nameOf(h).equals(wanted));
    }

    /** Headers are recorded as names or as {@code name: value}; the name decides. */
    private static String nameOf(String recorded) {
        int colon = recorded.indexOf(':');
        return (colon < 0 ? recorded : recorded.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
    }
}
