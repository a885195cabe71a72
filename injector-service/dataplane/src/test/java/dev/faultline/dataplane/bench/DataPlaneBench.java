package dev.faultline.dataplane.bench;

import dev.faultline.dataplane.DataPlane;
import dev.faultline.dataplane.DataPlaneConfig;
import dev.faultline.dataplane.http.HttpProxy;
import dev.faultline.dataplane.proxy.ProxyDefinition;
import dev.faultline.dataplane.proxy.TcpProxy;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The data plane's overhead benchmark, direct and proxied in the same run on loopback, with
 * no fault configured: (a) small round trips through the L4 proxy (64-byte echo) and the L7
 * proxy (GET with a 128-byte body): p50/p99 and the latency the proxy adds, requests/s on one
 * and on four connections; (b) bulk throughput in MB/s (64 MB echoed for L4, 16 MB downloads for L7).
 * Direct and proxied runs alternate in rounds so that machine noise hits both alike. Run with
 * {@code scripts/bench-dataplane.sh}; it prints a table (a command-line report, hence stdout).
 */
public final class DataPlaneBench {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 8);
    private static final int ROUND_TRIPS = Integer.getInteger("bench.roundTrips", 6_000);
    private static final long CONCURRENT_MS = Long.getLong("bench.concurrentMs", 1_000);
    private static final int BULK_ROUNDS = Integer.getInteger("bench.bulkRounds", 7);
    private static final long ECHO_BYTES = 64L * 1024 * 1024;
    private static final int DOWNLOAD_BYTES = 16 * 1024 * 1024;

    private final PrintStream out = System.out;
    private final List<Row> rows = new ArrayList<>();

    /**
     * One line of the report: a measure, direct and proxied values and, for throughput, the
     * median of the per-round ratios (each round runs direct and proxied back to back, so a
     * burst of load from elsewhere skews one round, not the result).
     */
    private record Row(String measure, double direct, double proxied, boolean latency, double ratio) {
        static Row latency(String measure, double direct, double proxied) {
            return new Row(measure, direct, proxied, true, proxied / direct);
        }

        static Row throughput(String measure, double[] direct, double[] proxied) {
            double[] ratios = new double[direct.length];
            for (int i = 0; i < direct.length; i++) {
                ratios[i] = proxied[i] / direct[i];
            }
            return new Row(measure, median(direct), median(proxied), false, median(ratios));
        }
    }

    /** A pair to compare: where to go directly, where through the proxy, and what one round trip is. */
    private record Pair(String name, int direct, int proxied, Load.Exchange small) {
    }

    public static void main(String[] args) throws Exception {
        new DataPlaneBench().run();
    }

    private void run() throws Exception {
        try (Upstreams upstreams = new Upstreams();
             DataPlane plane = DataPlane.start(DataPlaneConfig.defaults().withPort(0))) {
            TcpProxy l4 = plane.proxies().create(new ProxyDefinition("bench-l4", "127.0.0.1:0", "127.0.0.1:" + upstreams.echoPort(), true));
            HttpProxy l7 = plane.httpProxies().create("bench-l7", "127.0.0.1:0", "127.0.0.1:" + upstreams.httpPort());
            int l4Port = Integer.parseInt(l4.listen().substring(l4.listen().lastIndexOf(':') + 1));
            int l7Port = l7.listen().port();
            int answer = Load.httpAnswerLength(upstreams.httpPort(), "/small");
            if (Load.httpAnswerLength(l7Port, "/small") != answer) {
                throw new IllegalStateException("the L7 proxy changed the size of a pass-through answer");
            }
            out.printf(Locale.ROOT, "faultline data plane benchmark: %d cores, JDK %s, transport %s, load average %s%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), plane.transport().name(), loadAverage());
            out.printf(Locale.ROOT, "%d rounds x %d round trips per path, direct and proxied alternating; no fault configured%n%n", ROUNDS, ROUND_TRIPS);

            Pair tcp = new Pair("L4 tcp", upstreams.echoPort(), l4Port, Load.Exchange.echo(64));
            Pair http = new Pair("L7 http", upstreams.httpPort(), l7Port, Load.Exchange.http("/small", answer));
            boolean bulkOnly = Boolean.getBoolean("bench.bulkOnly");
            for (Pair pair : bulkOnly ? List.<Pair>of() : List.of(tcp, http)) {
                warmUp(pair);
                latency(pair);
                concurrency(pair);
            }
            bulkEcho(tcp);
            bulkDownload(http);
            report();
            out.printf(Locale.ROOT, "%nload average at the end: %s (a 2-core machine shared with other builds: expect noise, run twice)%n", loadAverage());
        }
    }

    private void warmUp(Pair pair) throws Exception {
        for (int i = 0; i < 3; i++) {
            Load.roundTrips(pair.direct(), pair.small(), 10_000);
            Load.roundTrips(pair.proxied(), pair.small(), 10_000);
        }
    }

    private void latency(Pair pair) throws Exception {
        List<long[]> direct = new ArrayList<>();
        List<long[]> proxied = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            direct.add(Load.roundTrips(pair.direct(), pair.small(), ROUND_TRIPS));
            proxied.add(Load.roundTrips(pair.proxied(), pair.small(), ROUND_TRIPS));
        }
        long[] d = Load.concat(direct);
        long[] p = Load.concat(proxied);
        rows.add(Row.latency(pair.name() + " p50 round trip (us)", Load.percentile(d, 0.50) / 1e3, Load.percentile(p, 0.50) / 1e3));
        rows.add(Row.latency(pair.name() + " p99 round trip (us)", Load.percentile(d, 0.99) / 1e3, Load.percentile(p, 0.99) / 1e3));
        rows.add(Row.throughput(pair.name() + " requests/s, 1 connection",
                direct.stream().mapToDouble(DataPlaneBench::perSecond).toArray(),
                proxied.stream().mapToDouble(DataPlaneBench::perSecond).toArray()));
    }

    private void concurrency(Pair pair) throws Exception {
        double[] direct = new double[4];
        double[] proxied = new double[4];
        double[] directCpu = new double[4];
        double[] proxiedCpu = new double[4];
        double seconds = CONCURRENT_MS / 1e3;
        for (int r = 0; r < direct.length; r++) {
            long cpu = cpuNanos();
            direct[r] = Load.requestsPerSecond(pair.direct(), pair.small(), 4, CONCURRENT_MS);
            directCpu[r] = (cpuNanos() - cpu) / 1e3 / (direct[r] * seconds);
            cpu = cpuNanos();
            proxied[r] = Load.requestsPerSecond(pair.proxied(), pair.small(), 4, CONCURRENT_MS);
            proxiedCpu[r] = (cpuNanos() - cpu) / 1e3 / (proxied[r] * seconds);
        }
        rows.add(Row.throughput(pair.name() + " requests/s, 4 connections", direct, proxied));
        rows.add(Row.latency(pair.name() + " CPU per request, 4 conns (us)", median(directCpu), median(proxiedCpu)));
    }

    private void bulkEcho(Pair pair) throws Exception {
        Load.echoThroughput(pair.direct(), ECHO_BYTES / 4);
        Load.echoThroughput(pair.proxied(), ECHO_BYTES / 4);
        double[] direct = new double[BULK_ROUNDS];
        double[] proxied = new double[BULK_ROUNDS];
        double[] directCpu = new double[BULK_ROUNDS];
        double[] proxiedCpu = new double[BULK_ROUNDS];
        for (int r = 0; r < BULK_ROUNDS; r++) {
            long cpu = cpuNanos();
            direct[r] = Load.echoThroughput(pair.direct(), ECHO_BYTES);
            directCpu[r] = (cpuNanos() - cpu) / 1e6 / (ECHO_BYTES / 1e6);
            cpu = cpuNanos();
            proxied[r] = Load.echoThroughput(pair.proxied(), ECHO_BYTES);
            proxiedCpu[r] = (cpuNanos() - cpu) / 1e6 / (ECHO_BYTES / 1e6);
        }
        rows.add(Row.throughput(pair.name() + " MB/s, 64 MB echoed", direct, proxied));
        rows.add(Row.latency(pair.name() + " CPU per MB echoed (ms)", median(directCpu), median(proxiedCpu)));
    }

    private void bulkDownload(Pair pair) throws Exception {
        Load.Exchange download = Load.Exchange.http("/bulk/" + DOWNLOAD_BYTES, Load.httpAnswerLength(pair.direct(), "/bulk/" + DOWNLOAD_BYTES));
        Load.downloadThroughput(pair.direct(), download, 4);
        Load.downloadThroughput(pair.proxied(), download, 4);
        double[] direct = new double[BULK_ROUNDS];
        double[] proxied = new double[BULK_ROUNDS];
        double[] directCpu = new double[BULK_ROUNDS];
        double[] proxiedCpu = new double[BULK_ROUNDS];
        double mb = 4.0 * download.answerBytes() / 1e6;
        for (int r = 0; r < BULK_ROUNDS; r++) {
            long cpu = cpuNanos();
            direct[r] = Load.downloadThroughput(pair.direct(), download, 4);
            directCpu[r] = (cpuNanos() - cpu) / 1e6 / mb;
            cpu = cpuNanos();
            proxied[r] = Load.downloadThroughput(pair.proxied(), download, 4);
            proxiedCpu[r] = (cpuNanos() - cpu) / 1e6 / mb;
        }
        rows.add(Row.throughput(pair.name() + " MB/s, 4 x 16 MB responses", direct, proxied));
        rows.add(Row.latency(pair.name() + " CPU per MB downloaded (ms)", median(directCpu), median(proxiedCpu)));
    }

    private void report() {
        out.printf(Locale.ROOT, "%-40s %12s %12s %16s%n", "measure", "direct", "proxied", "added / ratio");
        for (Row row : rows) {
            String unit = row.measure().endsWith("(ms)") ? "ms" : "us";
            String compare = row.latency()
                    ? String.format(Locale.ROOT, "%+.2f %s", row.proxied() - row.direct(), unit)
                    : String.format(Locale.ROOT, "%.0f%%", 100 * row.ratio());
            out.printf(Locale.ROOT, "%-40s %12.2f %12.2f %16s%n", row.measure(), row.direct(), row.proxied(), compare);
        }
        out.println();
        for (Row row : rows) {
            if (row.measure().contains("p99") || row.measure().contains("CPU")) {
                continue;
            }
            if (row.measure().contains("p50")) {
                double added = row.proxied() - row.direct();
                out.printf(Locale.ROOT, "target added p50 <= 100 us   %-30s %s (+%.1f us)%n", row.measure(), added <= 100 ? "MET" : "MISSED", added);
            } else if (!row.latency()) {
                double ratio = row.ratio();
                out.printf(Locale.ROOT, "target throughput >= 70%%    %-30s %s (%.0f%%)%n", row.measure(), ratio >= 0.7 ? "MET" : "MISSED", 100 * ratio);
            }
        }
    }

    /** CPU time of this whole process (client, upstreams and proxy alike), so a proxied run shows the proxy's own cost. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double perSecond(long[] roundTripNanos) {
        return roundTripNanos.length / (Arrays.stream(roundTripNanos).sum() / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
