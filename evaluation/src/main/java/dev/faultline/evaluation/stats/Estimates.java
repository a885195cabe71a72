package dev.faultline.evaluation.stats;

import dev.faultline.schemas.measure.Measure;
import dev.faultline.schemas.measure.SampleView;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A statistic over a window with its confidence interval — the one computation verdicts, guardrails and the
 * baseline share. The value is always {@link Measure}'s (the single meaning of each statistic); the interval is
 * <ul>
 *   <li>Wilson score for ERROR_RATE, SUCCESS_RATE, STATUS_SHARE and HEADER_PRESENT_SHARE;</li>
 *   <li>order statistics (distribution-free) for P50, P95 and P99 latency;</li>
 *   <li>bootstrap for MEAN_LATENCY and VALUE_MEAN, where nothing distribution-free fits;</li>
 *   <li>exact for SAMPLE_COUNT and THROUGHPUT (what the window recorded: the probe's schedule, not chance, sets
 *       the count, so a Poisson interval would describe a process that is not there), for MAX_LATENCY, VALUE_MAX
 *       and VALUE_MIN (the extreme the window saw — a slowest request a user waited for is a fact, and no
 *       distribution-free interval bounds a population's maximum), and for VALUE_SUM (a total of what was counted,
 *       e.g. ERROR lines logged).</li>
 * </ul>
 */
public final class Estimates {

    private Estimates() {
    }

    /** The estimate of {@code measure} over {@code samples}; empty when the statistic has no value there. */
    public static Optional<Estimate> of(Measure measure, List<SampleView> samples, Long windowMillis, double level) {
        OptionalDouble measured = measure.over(samples, windowMillis);
        if (measured.isEmpty()) {
            return Optional.empty();
        }
        double value = measured.getAsDouble();
        int n = samples.size();
        return Optional.of(switch (measure.statistic()) {
            case ERROR_RATE, SUCCESS_RATE, STATUS_SHARE, HEADER_PRESENT_SHARE ->
                    Intervals.wilson(Math.round(value * n), n, level);
            case P50_LATENCY -> Intervals.percentile(latencies(samples), 50, level);
            case P95_LATENCY -> Intervals.percentile(latencies(samples), 95, level);
            case P99_LATENCY -> Intervals.percentile(latencies(samples), 99, level);
            case MEAN_LATENCY -> withValue(Intervals.bootstrapMean(latencies(samples), level), value);
            case VALUE_MEAN -> withValue(Intervals.bootstrapMean(values(samples), level), value);
            default -> Intervals.exact(value, n, level);
        });
    }

    /** The latencies in ms, ascending. */
    public static double[] latencies(List<SampleView> samples) {
        return samples.stream().mapToDouble(SampleView::latencyMillis).sorted().toArray();
    }

    /** The values METRIC and LOG probes measured, ascending (samples without one left out). */
    public static double[] values(List<SampleView> samples) {
        return samples.stream().map(SampleView::value).filter(Objects::nonNull).mapToDouble(Double::doubleValue)
                .sorted().toArray();
    }

    /** The estimate with Measure's value (the same sum in the same order; kept so that no rounding can differ). */
    private static Estimate withValue(Estimate estimate, double value) {
        return new Estimate(value, estimate.interval().containing(value), estimate.samples(), estimate.projection());
    }
}
