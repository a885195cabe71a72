package dev.faultline.safety.support;

import dev.faultline.safety.norm.HourOfWeek;
import dev.faultline.safety.norm.ProbeHistory;
import dev.faultline.safety.norm.ProbeKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ProbeHistory} in memory, with a way to write weeks of past samples at once. */
public final class InMemoryProbeHistory implements ProbeHistory {

    private final Map<ProbeKey, List<Sample>> samples = new ConcurrentHashMap<>();

    @Override
    public void record(ProbeKey key, Sample sample) {
        samples.computeIfAbsent(key, k -> new ArrayList<>()).add(sample);
    }

    @Override
    public List<Sample> samples(ProbeKey key, HourOfWeek hour, Instant since) {
        return samples.getOrDefault(key, List.of()).stream()
                .filter(s -> HourOfWeek.of(s.at()).equals(hour) && !s.at().isBefore(since))
                .sorted(Comparator.comparing(Sample::at).reversed()).toList();
    }

    /**
     * One sample a minute in the hour starting at {@code hour} minus 1..{@code weeks} weeks, the i-th of each hour
     * taking {@code latencies.get(i % size)} ms.
     */
    public void weeksOf(ProbeKey key, Instant hour, int weeks, List<Double> latencies, boolean ok) {
        for (int week = 1; week <= weeks; week++) {
            Instant start = hour.minus(Duration.ofDays(7L * week));
            for (int minute = 0; minute < 60; minute++) {
                record(key, new Sample(start.plusSeconds(60L * minute), latencies.get(minute % latencies.size()), ok));
            }
        }
    }
}
