package dev.faultline.demo.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** A Prometheus histogram (cumulative {@code _bucket}, {@code _sum}, {@code _count}) per label combination. */
public final class Histogram extends MetricFamily {

    private final double[] bounds;
    private final Map<List<String>, Series> series = new ConcurrentSkipListMap<>(Counter::compare);

    Histogram(String name, String help, double[] bounds, List<String> labelNames) {
        super(name, help, labelNames);
        this.bounds = bounds.clone();
        Arrays.sort(this.bounds);
    }

    public void observe(double value, String... labelValues) {
        Series target = series.computeIfAbsent(checkedLabels(labelValues), key -> new Series(bounds.length));
        int bucket = 0;
        while (bucket < bounds.length && value > bounds[bucket]) {
            bucket++;
        }
        target.counts.incrementAndGet(bucket);
        target.sum.add(value);
        target.count.increment();
    }

    /** Observations of one series so far (0 when none). */
    public long count(String... labelValues) {
        Series found = series.get(checkedLabels(labelValues));
        return found == null ? 0 : found.count.sum();
    }

    @Override
    String type() {
        return "histogram";
    }

    @Override
    void writeSamples(StringBuilder out) {
        series.forEach((labels, values) -> {
            long cumulative = 0;
            for (int i = 0; i <= bounds.length; i++) {
                cumulative += values.counts.get(i);
                String le = i < bounds.length ? number(bounds[i]) : "+Inf";
                out.append(name()).append("_bucket").append(labels(labels, "le", le)).append(' ').append(cumulative).append('\n');
            }
            out.append(name()).append("_sum").append(labels(labels, null, null)).append(' ')
                    .append(number(values.sum.sum())).append('\n');
            out.append(name()).append("_count").append(labels(labels, null, null)).append(' ')
                    .append(values.count.sum()).append('\n');
        });
    }

    private static final class Series {
        private final AtomicLongArray counts;
        private final DoubleAdder sum = new DoubleAdder();
        private final LongAdder count = new LongAdder();

        private Series(int bounds) {
            this.counts = new AtomicLongArray(bounds + 1);
        }
    }
}
