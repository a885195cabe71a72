package dev.faultline.cli.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The load test's figures from its experiments' milestone times: experiments per hour (verdicts over the wall time
 * from the first proposal to the last verdict), per stage the p50 and p99 by nearest rank, and the most experiments
 * in flight at one time. Pure: the times come from the events, read by the caller.
 */
final class LoadFigures {

    /** One stage of the workflow, from one milestone to the next. */
    enum Stage {
        DRAFTING("proposal → drafted", "ExperimentProposed → HypothesisDrafted"),
        PREFLIGHT("approved → preflight result", "PlanApproved → PreflightPassed/Blocked"),
        START("clearance → injection started", "PreflightPassed → InjectionStarted"),
        JUDGING("stop → verdict", "InjectionStopped → VerdictIssued"),
        WHOLE("proposal → verdict (whole experiment)", "ExperimentProposed → VerdictIssued");

        final String label;
        final String events;

        Stage(String label, String events) {
            this.label = label;
            this.events = events;
        }
    }

    /** One experiment's milestone times (absent when it did not get there). */
    record Times(Optional<Instant> proposed, Optional<Instant> drafted, Optional<Instant> approved,
                 Optional<Instant> preflightResult, Optional<Instant> cleared, Optional<Instant> started,
                 Optional<Instant> stopped, Optional<Instant> verdict) {

        Optional<Duration> of(Stage stage) {
            return switch (stage) {
                case DRAFTING -> between(proposed, drafted);
                case PREFLIGHT -> between(approved, preflightResult);
                case START -> between(cleared, started);
                case JUDGING -> between(stopped, verdict);
                case WHOLE -> between(proposed, verdict);
            };
        }

        private static Optional<Duration> between(Optional<Instant> from, Optional<Instant> to) {
            return from.flatMap(start -> to.map(end -> Duration.between(start, end)));
        }
    }

    /** p50 and p99 (nearest rank) of one stage over {@code count} experiments that went through it. */
    record Percentiles(int count, Duration p50, Duration p99, Duration max) {
    }

    private final List<Times> experiments;

    LoadFigures(List<Times> experiments) {
        this.experiments = List.copyOf(experiments);
    }

    /** Verdicts issued. */
    long completed() {
        return experiments.stream().filter(times -> times.verdict().isPresent()).count();
    }

    /** From the first proposal to the last verdict. */
    Duration wallTime() {
        Instant first = experiments.stream().flatMap(times -> times.proposed().stream()).min(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalStateException("no proposal"));
        Instant last = experiments.stream().flatMap(times -> times.verdict().stream()).max(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalStateException("no verdict"));
        return Duration.between(first, last);
    }

    /** Verdicts per hour over {@link #wallTime()}. */
    double experimentsPerHour() {
        return completed() * 3_600_000.0 / wallTime().toMillis();
    }

    Map<Stage, Percentiles> stages() {
        Map<Stage, Percentiles> figures = new LinkedHashMap<>();
        for (Stage stage : Stage.values()) {
            List<Duration> sorted = experiments.stream().flatMap(times -> times.of(stage).stream()).sorted().toList();
            if (!sorted.isEmpty()) {
                figures.put(stage, new Percentiles(sorted.size(), nearestRank(sorted, 0.50), nearestRank(sorted, 0.99),
                        sorted.get(sorted.size() - 1)));
            }
        }
        return figures;
    }

    /** The most experiments between their proposal and their verdict at one time. */
    int mostInFlight() {
        return mostAtOnce(experiments.stream().filter(t -> t.proposed().isPresent() && t.verdict().isPresent())
                .map(t -> new Instant[] {t.proposed().get(), t.verdict().get()}).toList());
    }

    /** The most faults on at one time (from InjectionStarted to InjectionStopped). */
    int mostInjecting() {
        return mostAtOnce(experiments.stream().filter(t -> t.started().isPresent() && t.stopped().isPresent())
                .map(t -> new Instant[] {t.started().get(), t.stopped().get()}).toList());
    }

    /** The value at rank ⌈p·n⌉ of {@code sorted} (ascending, not empty). */
    static Duration nearestRank(List<Duration> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    /** The largest number of half-open intervals [from, to) that overlap at one instant. */
    static int mostAtOnce(List<Instant[]> intervals) {
        List<Map.Entry<Instant, Integer>> edges = new ArrayList<>();
        intervals.forEach(interval -> {
            edges.add(Map.entry(interval[0], 1));
            edges.add(Map.entry(interval[1], -1));
        });
        // at the same instant an end goes before a start: [a, b) and [b, c) do not overlap
        edges.sort(Map.Entry.<Instant, Integer>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        int now = 0;
        int most = 0;
        for (Map.Entry<Instant, Integer> edge : edges) {
            now += edge.getValue();
            most = Math.max(most, now);
        }
        return most;
    }
}
