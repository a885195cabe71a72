package dev.faultline.dataplane.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's table, one column per path (direct, faultline, another proxy), and the issue's
 * targets checked against Toxiproxy's figures measured with the same kind of harness (and
 * against the other proxy's own figures when one was measured in this run).
 */
final class Report {

    /** Toxiproxy on the 2-core development machine (issue 12): added p50 on two free cores / pinned to one. */
    static final double TOXIPROXY_ADDED_P50_FREE_US = 74;
    static final double TOXIPROXY_ADDED_P50_ONE_CORE_US = 40;
    static final double TOXIPROXY_WORST_MS = 4;
    static final double TOXIPROXY_CONNECTIONS_RATIO = 0.26;
    static final double TOXIPROXY_STREAM_RATIO = 0.27;
    static final double RSS_TARGET_MIB = 40;

    private final Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> ratios = new LinkedHashMap<>();
    private final List<String> ratioRows = new ArrayList<>();

    /** p50, p99, p99.9 and worst of sorted round-trip times (ns), in µs; the added latency against direct. */
    void latency(String measure, String target, long[] sorted) {
        put(measure + " p50 (us)", target, Load.percentile(sorted, 0.50) / 1e3);
        put(measure + " p99 (us)", target, Load.percentile(sorted, 0.99) / 1e3);
        put(measure + " p99.9 (us)", target, Load.percentile(sorted, 0.999) / 1e3);
        put(measure + " worst (us)", target, sorted[sorted.length - 1] / 1e3);
    }

    /** Medians of per-round values; the ratio to direct is the median of the per-round ratios. */
    void throughput(String measure, Map<String, double[]> perRound) {
        double[] direct = perRound.get("direct");
        perRound.forEach((target, values) -> {
            put(measure, target, median(values));
            double[] r = new double[values.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = values[i] / direct[i];
            }
            ratios.computeIfAbsent(measure, k -> new LinkedHashMap<>()).put(target, median(r));
        });
        ratioRows.add(measure);
    }

    /** CPU per request; only for paths whose proxy process is metered (direct: clients and upstream alone). */
    void cpu(String measure, Map<String, double[]> perRound) {
        perRound.forEach((target, values) -> put(measure, target, median(values)));
    }

    void print(PrintStream out, List<String> targets) {
        out.printf(Locale.ROOT, "%-46s", "measure");
        targets.forEach(t -> out.printf(Locale.ROOT, " %20s", t));
        out.println();
        rows.forEach((measure, values) -> {
            out.printf(Locale.ROOT, "%-46s", measure);
            double direct = values.getOrDefault("direct", Double.NaN);
            for (String t : targets) {
                Double v = values.get(t);
                String cell;
                if (v == null) {
                    cell = "-";
                } else if (t.equals("direct")) {
                    cell = String.format(Locale.ROOT, "%.1f", v);
                } else if (ratios.containsKey(measure)) {
                    cell = String.format(Locale.ROOT, "%.0f (%.2fx)", v, ratios.get(measure).get(t));
                } else {
                    cell = String.format(Locale.ROOT, "%.1f (%+.1f)", v, v - direct);
                }
                out.printf(Locale.ROOT, " %20s", cell);
            }
            out.println();
        });
    }

    /** The targets for the data plane, each met or missed. */
    void targets(PrintStream out, double peakRssMiB, double idleJvmMiB, boolean oneCore) {
        String p50 = "L4 64 B round trip p50 (us)";
        double added = added(p50, "faultline");
        double toxiproxy = oneCore ? TOXIPROXY_ADDED_P50_ONE_CORE_US : TOXIPROXY_ADDED_P50_FREE_US;
        out.printf(Locale.ROOT, "%ntargets (issue 12; Toxiproxy's figures from the issue, %s):%n", oneCore ? "pinned to one core" : "two free cores");
        verdict(out, "added p50 <= 0.5x Toxiproxy's", added <= toxiproxy / 2,
                String.format(Locale.ROOT, "+%.1f us vs %.1f us (Toxiproxy +%.0f us)", added, toxiproxy / 2, toxiproxy));
        double worst = rows.get("L4 64 B round trip worst (us)").get("faultline") / 1e3;
        verdict(out, "worst round trip <= Toxiproxy's", worst <= TOXIPROXY_WORST_MS,
                String.format(Locale.ROOT, "%.2f ms vs ~%.0f ms", worst, TOXIPROXY_WORST_MS));
        String conns = ratioRows.stream().filter(m -> m.startsWith("L4 requests/s")).findFirst().orElseThrow();
        double ratio = ratios.get(conns).get("faultline");
        verdict(out, "16 connections >= 0.40x direct", ratio >= 0.40,
                String.format(Locale.ROOT, "%.2fx (Toxiproxy %.2fx)", ratio, TOXIPROXY_CONNECTIONS_RATIO));
        verdict(out, "RSS <= 40 MiB", peakRssMiB <= RSS_TARGET_MIB, String.format(Locale.ROOT, "peak %.1f MiB (Toxiproxy ~18; an idle JVM with its flags %.1f)", peakRssMiB, idleJvmMiB));
        String stream = ratioRows.stream().filter(m -> m.contains("stream")).findFirst().orElseThrow();
        out.printf(Locale.ROOT, "  (stream: %.2fx direct; Toxiproxy %.2fx)%n", ratios.get(stream).get("faultline"), TOXIPROXY_STREAM_RATIO);
        rows.get(p50).keySet().stream().filter(t -> !t.equals("direct") && !t.equals("faultline")).forEach(other -> {
            out.printf(Locale.ROOT, "against %s measured in this run:%n", other);
            double otherAdded = added(p50, other);
            verdict(out, "added p50 <= 0.5x " + other + "'s", added <= otherAdded / 2,
                    String.format(Locale.ROOT, "+%.1f us vs +%.1f us (%.2fx)", added, otherAdded, added / otherAdded));
            double otherWorst = rows.get("L4 64 B round trip worst (us)").get(other) / 1e3;
            verdict(out, "worst round trip <= " + other + "'s", worst <= otherWorst,
                    String.format(Locale.ROOT, "%.2f ms vs %.2f ms", worst, otherWorst));
            double otherRatio = ratios.get(conns).get(other);
            verdict(out, "16 connections >= 1.5x " + other + "'s ratio", ratio >= 1.5 * otherRatio,
                    String.format(Locale.ROOT, "%.2fx vs %.2fx (%.2f times)", ratio, otherRatio, ratio / otherRatio));
        });
    }

    private double added(String measure, String target) {
        return rows.get(measure).get(target) - rows.get(measure).get("direct");
    }

    private static void verdict(PrintStream out, String target, boolean met, String detail) {
        out.printf(Locale.ROOT, "  %-44s %-7s %s%n", target, met ? "MET" : "MISSED", detail);
    }

    private void put(String measure, String target, double value) {
        rows.computeIfAbsent(measure, k -> new LinkedHashMap<>()).put(target, value);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
