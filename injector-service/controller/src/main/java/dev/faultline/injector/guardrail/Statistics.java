package dev.faultline.injector.guardrail;

import dev.faultline.injector.probe.Sample;
import dev.faultline.schemas.avro.ComparisonOperator;
import dev.faultline.schemas.avro.Statistic;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The statistics a guardrail can watch, over a list of samples: latency percentiles (nearest rank), mean and max,
 * error/success rate, the share with a given status or header, throughput (per second of the window) and count.
 * Empty when there is nothing to measure.
 */
public final class Statistics {

    private Statistics() {
    }

    public static OptionalDouble compute(Statistic statistic, List<Sample> samples, Integer status, String header,
                                         long windowMillis) {
        if (statistic == Statistic.SAMPLE_COUNT) {
            return OptionalDouble.of(samples.size());
        }
        if (statistic == Statistic.THROUGHPUT) {
            return windowMillis <= 0 ? OptionalDouble.empty() : OptionalDouble.of(samples.size() * 1000.0 / windowMillis);
        }
        if (samples.isEmpty()) {
            return OptionalDouble.empty();
        }
        return switch (statistic) {
            case P50_LATENCY -> OptionalDouble.of(percentile(samples, 0.50));
            case P95_LATENCY -> OptionalDouble.of(percentile(samples, 0.95));
            case P99_LATENCY -> OptionalDouble.of(percentile(samples, 0.99));
            case MAX_LATENCY -> samples.stream().mapToDouble(Sample::latencyMillis).max();
            case MEAN_LATENCY -> samples.stream().mapToDouble(Sample::latencyMillis).average();
            case ERROR_RATE -> OptionalDouble.of(share(samples.stream().filter(s -> !s.ok()).count(), samples));
            case SUCCESS_RATE -> OptionalDouble.of(share(samples.stream().filter(Sample::ok).count(), samples));
            case STATUS_SHARE -> status == null ? OptionalDouble.empty()
                    : OptionalDouble.of(share(samples.stream().filter(s -> status.equals(s.status())).count(), samples));
            case HEADER_PRESENT_SHARE -> header == null ? OptionalDouble.empty()
                    : OptionalDouble.of(share(samples.stream().filter(s -> s.hasHeader(header)).count(), samples));
            default -> OptionalDouble.empty();
        };
    }

    /** Nearest-rank percentile of the latencies: the smallest value with at least {@code q} of the samples at or below it. */
    static double percentile(List<Sample> samples, double q) {
        double[] sorted = samples.stream().mapToDouble(Sample::latencyMillis).sorted().toArray();
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Whether {@code observed comparator threshold} holds. */
    public static boolean holds(double observed, ComparisonOperator comparator, double threshold) {
        return switch (comparator) {
            case LESS_THAN -> observed < threshold;
            case LESS_OR_EQUAL -> observed <= threshold;
            case GREATER_THAN -> observed > threshold;
            case GREATER_OR_EQUAL -> observed >= threshold;
            case EQUAL -> observed == threshold;
            case NOT_EQUAL -> observed != threshold;
            default -> false;
        };
    }

    private static double share(long count, List<Sample> samples) {
        return (double) count / samples.size();
    }
}
