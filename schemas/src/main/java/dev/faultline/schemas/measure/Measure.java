package dev.faultline.schemas.measure;

import dev.faultline.schemas.avro.Statistic;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One statistic over a window of samples — the single meaning used by guardrails, verdicts and the baseline.
 * <ul>
 *   <li>Latencies in milliseconds over all samples, failed ones included (a timeout is the latency a user saw).
 *       Percentiles by nearest rank: the smallest latency with at least p % of the samples at or below it.</li>
 *   <li>ERROR_RATE and SUCCESS_RATE are the shares (0..1) of samples not {@code ok} and {@code ok}: they add up
 *       to 1. STATUS_SHARE counts {@link #status}; HEADER_PRESENT_SHARE counts samples with {@link #header} (see
 *       {@link SampleView#hasHeader}). Either has no value without its status or header.</li>
 *   <li>THROUGHPUT is samples per second of the window; SAMPLE_COUNT the number of samples.</li>
 *   <li>VALUE_MEAN, VALUE_MAX, VALUE_MIN and VALUE_SUM are over the samples that carry a value (METRIC and LOG
 *       probes); with none, they have no value — an absent metric or an unreadable log proves nothing.</li>
 *   <li>Empty window: SAMPLE_COUNT is 0 and THROUGHPUT 0/s (nothing arrived is a fact); every other statistic has
 *       no value. THROUGHPUT has no value either when the window's length is unknown or not positive.</li>
 * </ul>
 *
 * @param status for STATUS_SHARE, the HTTP status counted
 * @param header for HEADER_PRESENT_SHARE, the response header looked for
 */
public record Measure(Statistic statistic, Integer status, String header) {

    public static Measure of(Statistic statistic) {
        return new Measure(statistic, null, null);
    }

    /**
     * The statistic over {@code samples}; empty when it has no value.
     *
     * @param windowMillis the window's length, for THROUGHPUT; null when unknown
     */
    public OptionalDouble over(List<SampleView> samples, Long windowMillis) {
        if (statistic == Statistic.SAMPLE_COUNT) {
            return OptionalDouble.of(samples.size());
        }
        if (statistic == Statistic.THROUGHPUT) {
            return windowMillis == null || windowMillis <= 0 ? OptionalDouble.empty()
                    : OptionalDouble.of(samples.size() * 1000.0 / windowMillis);
        }
        if (samples.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (isOverValues(statistic)) {
            return overValues(samples.stream().map(SampleView::value).filter(Objects::nonNull)
                    .mapToDouble(Double::doubleValue).sorted().toArray());
        }
        return switch (statistic) {
            case P50_LATENCY -> OptionalDouble.of(percentile(samples, 50));
            case P95_LATENCY -> OptionalDouble.of(percentile(samples, 95));
            case P99_LATENCY -> OptionalDouble.of(percentile(samples, 99));
            case MAX_LATENCY -> samples.stream().mapToDouble(SampleView::latencyMillis).max();
            case MEAN_LATENCY -> OptionalDouble.of(mean(samples));
            case ERROR_RATE -> share(samples.stream().filter(s -> !s.ok()).count(), samples);
            case SUCCESS_RATE -> share(samples.stream().filter(SampleView::ok).count(), samples);
            case STATUS_SHARE -> status == null ? OptionalDouble.empty()
                    : share(samples.stream().filter(s -> status.equals(s.status())).count(), samples);
            case HEADER_PRESENT_SHARE -> header == null || header.isBlank() ? OptionalDouble.empty()
                    : share(samples.stream().filter(s -> s.hasHeader(header)).count(), samples);
            default -> OptionalDouble.empty();
        };
    }

    /** Whether {@code statistic} reads the values METRIC and LOG probes measured, rather than latencies and answers. */
    public static boolean isOverValues(Statistic statistic) {
        return statistic == Statistic.VALUE_MEAN || statistic == Statistic.VALUE_MAX || statistic == Statistic.VALUE_MIN
                || statistic == Statistic.VALUE_SUM;
    }

    /** Over values sorted ascending (so that sums do not depend on arrival order). */
    private OptionalDouble overValues(double[] sorted) {
        if (sorted.length == 0) {
            return OptionalDouble.empty();
        }
        double sum = 0;
        for (double value : sorted) {
            sum += value;
        }
        return switch (statistic) {
            case VALUE_MEAN -> OptionalDouble.of(sum / sorted.length);
            case VALUE_MAX -> OptionalDouble.of(sorted[sorted.length - 1]);
            case VALUE_MIN -> OptionalDouble.of(sorted[0]);
            case VALUE_SUM -> OptionalDouble.of(sum);
            default -> OptionalDouble.empty();
        };
    }

    /** Nearest rank in integers (rank = ⌈p·n/100⌉), so that no rounding of p/100 moves it by one. */
    private static double percentile(List<SampleView> samples, int percent) {
        double[] sorted = samples.stream().mapToDouble(SampleView::latencyMillis).sorted().toArray();
        long rank = ((long) percent * sorted.length + 99) / 100;
        return sorted[(int) Math.max(rank, 1) - 1];
    }

    /** Summed in ascending order, so that the mean does not depend on the order the samples arrived in. */
    private static double mean(List<SampleView> samples) {
        double sum = 0;
        for (double latency : samples.stream().mapToDouble(SampleView::latencyMillis).sorted().toArray()) {
            sum += latency;
        }
        return sum / samples.size();
    }

    private static OptionalDouble share(long count, List<SampleView> samples) {
        return OptionalDouble.of((double) count / samples.size());
    }
}
