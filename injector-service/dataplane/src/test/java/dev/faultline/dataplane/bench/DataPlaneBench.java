package dev.faultline.dataplane.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data plane's overhead benchmark with no fault configured: direct, through Faultline's data
 * plane (its own JVM, launched with its production flags) and, optionally, through any other
 * proxy that speaks Toxiproxy's API (Toxiproxy itself: {@code -Dbench.otherProxy=http://host:8474}),
 * all in one run on loopback, in interleaved blocks so that bursts of load from elsewhere hit every
 * path alike. Measures: 64-byte echo round trips (p50, p99, p99.9, worst; the latency each proxy
 * adds), requests/s on 16 connections and MB/s of a 1 GiB stream as ratios of direct, the proxy
 * processes' resident memory and CPU, the data plane's GC pauses; and, Faultline only, the L7 HTTP
 * proxy's round trip and 16-connection requests/s. Proxies are created through the API as any
 * client would ({@code POST /proxies}) and deleted afterwards. Run with {@code scripts/bench-dataplane.sh};
 * it prints a report (a command-line tool, hence stdout).
 */
public final class DataPlaneBench {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 10);
    private static final int BLOCK = Integer.getInteger("bench.block", 2_000);
    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 16);
    private static final long CONCURRENT_MS = Long.getLong("bench.concurrentMs", 1_000);
    private static final int CONCURRENT_ROUNDS = Integer.getInteger("bench.concurrentRounds", 5);
    private static final long STREAM_BYTES = Long.getLong("bench.streamBytes", 1L << 30);
    private static final int STREAM_ROUNDS = Integer.getInteger("bench.streamRounds", 3);
    private static final String OTHER = System.getProperty("bench.otherProxy", "");
    private static final String OTHER_NAME = System.getProperty("bench.otherName", "other");
    private static final long OTHER_PID = Long.getLong("bench.otherPid", 0);
    private static final String PROXY_NAME = "faultline-bench-" + ProcessHandle.current().pid();

    private final PrintStream out = System.out;
    private final Report report = new Report();
    private double[] l4Pauses = {0, 0};

    /** One path to the upstreams: direct, or through a proxy whose process can be metered (null when unknown). */
    private record Target(String name, int echoPort, int httpPort, ProcessMeter meter) {
        boolean direct() {
            return name.equals("direct");
        }
    }

    public static void main(String[] args) throws Exception {
        new DataPlaneBench().run();
    }

    private void run() throws Exception {
        List<String> jvmFlags = Arrays.stream(System.getProperty("bench.dataplaneJvm", "").trim().split("\\s+"))
                .filter(s -> !s.isEmpty()).toList();
        Path work = Path.of(System.getProperty("bench.workDir", "target/bench"));
        try (Upstreams upstreams = new Upstreams();
             DataPlaneProcess faultline = new DataPlaneProcess(jvmFlags, work)) {
            List<Target> targets = new ArrayList<>();
            targets.add(new Target("direct", upstreams.echoPort(), upstreams.httpPort(), null));
            ToxiproxyApi ours = faultline.api();
            targets.add(new Target("faultline", ours.createProxy(PROXY_NAME, upstreams.echoPort()),
                    ours.createHttpProxy(PROXY_NAME + "-http", upstreams.httpPort()), faultline.meter()));
            ToxiproxyApi other = OTHER.isEmpty() ? null : new ToxiproxyApi(OTHER);
            try {
                if (other != null) {
                    out.printf(Locale.ROOT, "other proxy %s at %s: version %s%n", OTHER_NAME, other.base(), other.version());
                    other.deleteProxy("/proxies/" + PROXY_NAME);
                    targets.add(new Target(OTHER_NAME, other.createProxy(PROXY_NAME, upstreams.echoPort()), 0,
                            OTHER_PID > 0 ? new ProcessMeter(OTHER_PID) : null));
                }
                out.printf(Locale.ROOT, "data plane benchmark: %d cores visible, JDK %s, data plane JVM flags: %s%n",
                        Runtime.getRuntime().availableProcessors(), Runtime.version(), String.join(" ", jvmFlags));
                out.printf(Locale.ROOT, "load average at the start: %s%n", loadAverage());
                out.printf(Locale.ROOT, "%d rounds x %d round trips (64 B echo) per path in interleaved blocks; %d connections;"
                        + " %d x %d MiB streams; no fault configured%n%n", ROUNDS, BLOCK, CONNECTIONS, STREAM_ROUNDS, STREAM_BYTES >> 20);
                measure(targets, upstreams, faultline);
                double[] pauses = faultline.gcPauses(0, Double.MAX_VALUE);
                report.print(out, targets.stream().map(Target::name).toList());
                out.printf(Locale.ROOT, "%nfaultline data plane: RSS %.1f MiB at the end, peak %.1f MiB; %d GC pauses in the whole run"
                        + " (start-up and L7 included), longest %.2f ms; during the L4 round-trip blocks: %d, longest %.2f ms%n",
                        faultline.meter().rssMiB(), faultline.meter().peakRssMiB(), (int) pauses[0], pauses[1],
                        (int) l4Pauses[0], l4Pauses[1]);
                targets.stream().filter(t -> !t.direct() && !t.name().equals("faultline") && t.meter() != null).forEach(t ->
                        out.printf(Locale.ROOT, "%s: RSS %.1f MiB at the end, peak %.1f MiB%n", t.name(), t.meter().rssMiB(), t.meter().peakRssMiB()));
                double floor = IdleJvm.residentMiB(jvmFlags);
                out.printf(Locale.ROOT, "an idle JVM with the same flags (loads nothing, waits): RSS %.1f MiB, the floor under"
                        + " the data plane's%n", floor);
                report.targets(out, faultline.meter().peakRssMiB(), floor, Runtime.getRuntime().availableProcessors() == 1);
                out.printf(Locale.ROOT, "%nload average at the end: %s (a 2-core machine shared with other builds: expect noise, run twice)%n", loadAverage());
            } finally {
                if (other != null) {
                    other.deleteProxy("/proxies/" + PROXY_NAME);
                }
            }
        }
    }

    private void measure(List<Target> targets, Upstreams upstreams, DataPlaneProcess faultline) throws Exception {
        for (int i = 0; i < 3; i++) {
            for (Target t : targets) {
                Load.roundTrips(t.echoPort(), Load.Exchange.echo(64), 10_000);
            }
        }
        // (a) latency: blocks of round trips, the order of the paths rotating every round
        // and the CPU each round trip costs, polling included (a data plane that polls before it sleeps trades CPU for wake-ups)
        Map<String, List<long[]>> times = new LinkedHashMap<>();
        Map<String, double[]> roundTripCpu = new LinkedHashMap<>();
        double from = faultline.uptime();
        for (int r = 0; r < ROUNDS; r++) {
            for (Target t : rotate(targets, r)) {
                long before = cpuNanos(t);
                times.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(Load.roundTrips(t.echoPort(), Load.Exchange.echo(64), BLOCK));
                roundTripCpu.computeIfAbsent(t.name(), k -> new double[ROUNDS])[r] = (cpuNanos(t) - before) / 1e3 / BLOCK;
            }
        }
        l4Pauses = faultline.gcPauses(from, faultline.uptime());
        times.forEach((name, blocks) -> report.latency("L4 64 B round trip", name, Load.concat(blocks)));
        report.cpu("L4 CPU per round trip, 1 conn (us)", roundTripCpu);

        // (b) requests/s on many connections, and CPU per request of client + upstream (+ proxy)
        Map<String, double[]> rates = new LinkedHashMap<>();
        Map<String, double[]> cpu = new LinkedHashMap<>();
        for (int r = 0; r < CONCURRENT_ROUNDS; r++) {
            for (Target t : rotate(targets, r)) {
                long before = cpuNanos(t);
                double rate = Load.requestsPerSecond(t.echoPort(), Load.Exchange.echo(64), CONNECTIONS, CONCURRENT_MS);
                rates.computeIfAbsent(t.name(), k -> new double[CONCURRENT_ROUNDS])[r] = rate;
                cpu.computeIfAbsent(t.name(), k -> new double[CONCURRENT_ROUNDS])[r] = (cpuNanos(t) - before) / 1e3 / (rate * CONCURRENT_MS / 1e3);
            }
        }
        report.throughput("L4 requests/s, " + CONNECTIONS + " connections", rates);
        report.cpu("L4 CPU per request, " + CONNECTIONS + " conns (us)", cpu);

        // (c) one long stream each way at once
        Map<String, double[]> streams = new LinkedHashMap<>();
        for (Target t : targets) {
            Load.echoThroughput(t.echoPort(), 64L << 20);
        }
        for (int r = 0; r < STREAM_ROUNDS; r++) {
            for (Target t : rotate(targets, r)) {
                streams.computeIfAbsent(t.name(), k -> new double[STREAM_ROUNDS])[r] = Load.echoThroughput(t.echoPort(), STREAM_BYTES);
            }
        }
        report.throughput("L4 MB/s, " + (STREAM_BYTES >> 20) + " MiB stream echoed", streams);

        // (d) Faultline's L7 HTTP proxy against the HTTP upstream directly
        List<Target> http = targets.stream().filter(t -> t.httpPort() > 0).toList();
        int answer = Load.httpAnswerLength(upstreams.httpPort(), "/small");
        Load.Exchange get = Load.Exchange.http("/small", answer);
        for (int i = 0; i < 3; i++) {
            for (Target t : http) {
                Load.roundTrips(t.httpPort(), get, 10_000);
            }
        }
        Map<String, List<long[]>> httpTimes = new LinkedHashMap<>();
        Map<String, double[]> httpRates = new LinkedHashMap<>();
        for (int r = 0; r < ROUNDS; r++) {
            for (Target t : rotate(http, r)) {
                httpTimes.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(Load.roundTrips(t.httpPort(), get, BLOCK));
            }
        }
        for (int r = 0; r < CONCURRENT_ROUNDS; r++) {
            for (Target t : rotate(http, r)) {
                httpRates.computeIfAbsent(t.name(), k -> new double[CONCURRENT_ROUNDS])[r] = Load.requestsPerSecond(t.httpPort(), get, CONNECTIONS, CONCURRENT_MS);
            }
        }
        httpTimes.forEach((name, blocks) -> report.latency("L7 GET (128 B body) round trip", name, Load.concat(blocks)));
        report.throughput("L7 requests/s, " + CONNECTIONS + " connections", httpRates);
    }

    private static List<Target> rotate(List<Target> targets, int round) {
        List<Target> order = new ArrayList<>(targets);
        java.util.Collections.rotate(order, -(round % order.size()));
        return order;
    }

    /** CPU of this process (clients and upstreams) plus the proxy's own process when it can be metered. */
    private static long cpuNanos(Target target) {
        long own = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        return own + (target.meter() == null ? 0 : target.meter().cpuNanos());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
