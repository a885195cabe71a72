package dev.faultline.demo.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/** A monotonically increasing count per label combination. */
public final class Counter extends MetricFamily {

    private final Map<List<String>, LongAdder> series = new ConcurrentSkipListMap<>(Counter::compare);

    Counter(String name, String help, List<String> labelNames) {
        super(name, help, labelNames);
    }

    public void inc(String... labelValues) {
        series.computeIfAbsent(checkedLabels(labelValues), key -> new LongAdder()).increment();
    }

    /** The current count of one series (0 when it never counted), for tests and health views. */
    public long value(String... labelValues) {
        LongAdder adder = series.get(checkedLabels(labelValues));
        return adder == null ? 0 : adder.sum();
    }

    @Override
    String type() {
        return "counter";
    }

    @Override
    void writeSamples(StringBuilder out) {
        series.forEach((labels, count) ->
                out.append(name()).append(labels(labels, null, null)).append(' ').append(count.sum()).append('\n'));
    }

    static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
