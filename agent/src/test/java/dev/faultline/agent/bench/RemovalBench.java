package dev.faultline.agent.bench;

import dev.faultline.agent.client.AgentClient;
import dev.faultline.agent.client.FaultSpec;
import dev.faultline.agent.client.Removal;
import dev.faultline.agent.support.AgentProcess;
import dev.faultline.agent.support.Targets;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Time from the stop request to the verified removal, per fault kind, against a real agent
 * started from its jar: for each kind, {@code bench.trials} times (default 30, after one
 * warm-up) create a fault, then {@code DELETE /faults/{name}} and time the answer, which the
 * agent sends only once it has undone the fault and verified it. Prints one table.
 * Run by {@code scripts/bench-agent-removal.sh}.
 */
public final class RemovalBench {

    private static final int TRIALS = Integer.getInteger("bench.trials", 30);
    private final PrintStream out = System.out;

    private record Kind(String name, Map<String, Object> attributes, String note) {
    }

    private RemovalBench() {
    }

    public static void main(String[] args) throws Exception {
        new RemovalBench().run();
    }

    private void run() throws Exception {
        Path dir = Files.createTempDirectory("agent-bench");
        Path fill = Files.createDirectories(dir.resolve("fill"));
        try (Targets targets = new Targets()) {
            bench(dir, fill, targets);
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void bench(Path dir, Path fill, Targets targets) throws Exception {
        long pausedSeconds = Targets.uniqueSeconds();
        long killedSeconds = Targets.uniqueSeconds();
        targets.sleep(pausedSeconds);
        targets.supervisedSleep(killedSeconds);
        try (AgentProcess agent = AgentProcess.start(dir, new AgentProcess.Settings(dir.resolve("state"),
                List.of("sleep 9\\d{8}"), List.of(fill.toString()), 256))) {
            List<Kind> kinds = List.of(
                    new Kind("cpu", Map.of("cores", 1, "percent", 50), "1 core at 50 %: threads ended and gone from /proc/self/task"),
                    new Kind("memory", Map.of("megabytes", 200), "200 MB: blocks unmapped, RSS down by >= 190 MB"),
                    new Kind("disk", Map.of("directory", fill.toString(), "megabytes", 20), "20 MB in 1 file: deleted, gone"),
                    new Kind("pause", Map.of("process", "sleep " + pausedSeconds), "SIGCONT, state no longer T"),
                    new Kind("kill", Map.of("process", "sleep " + killedSeconds, "graceMillis", 5000),
                            "until the supervisor's new process is seen"));
            out.printf(Locale.ROOT, "faultline agent removal benchmark: %d cores, JDK %s, load average %s, %d trials per kind (+1 warm-up)%n%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage(), TRIALS);
            out.printf(Locale.ROOT, "%-7s %7s %9s %9s %9s %12s   %s%n", "kind", "trials", "verified", "p50 ms", "p99 ms",
                    "agent p50 ms", "what the removal verifies");
            for (Kind kind : kinds) {
                report(kind, trials(agent, kind));
            }
            out.printf(Locale.ROOT, "%nstop request to verified removal, measured by the caller (HTTP round trip included); "
                    + "agent p50 = the agent's own undo + verification time. p99 of %d trials is their maximum but one "
                    + "(nearest rank). Load average at the end: %s%n", TRIALS, loadAverage());
        }
    }

    private Map<String, List<Long>> trials(AgentProcess agent, Kind kind) {
        AgentClient client = agent.client();
        List<Long> wall = new ArrayList<>();
        List<Long> agentSide = new ArrayList<>();
        int verified = 0;
        for (int i = 0; i <= TRIALS; i++) {
            String name = "bench-" + kind.name() + "-" + i;
            client.create(new FaultSpec(name, kind.name(), "bench", Duration.ofMinutes(1), kind.attributes()), agent.clearance());
            long start = System.nanoTime();
            Removal removal = client.stop(name);
            long micros = (System.nanoTime() - start) / 1000;
            if (i == 0) {
                continue;  // warm-up
            }
            wall.add(micros);
            agentSide.add(removal.millis() * 1000);
            verified += removal.verified() ? 1 : 0;
        }
        Map<String, List<Long>> result = new LinkedHashMap<>();
        result.put("wall", wall);
        result.put("agent", agentSide);
        result.put("verified", List.of((long) verified));
        return result;
    }

    private void report(Kind kind, Map<String, List<Long>> trials) {
        long[] wall = trials.get("wall").stream().mapToLong(Long::longValue).sorted().toArray();
        long[] agentSide = trials.get("agent").stream().mapToLong(Long::longValue).sorted().toArray();
        out.printf(Locale.ROOT, "%-7s %7d %9s %9.1f %9.1f %12.0f   %s%n", kind.name(), wall.length,
                trials.get("verified").get(0) + "/" + wall.length, percentile(wall, 50) / 1000.0, percentile(wall, 99) / 1000.0,
                percentile(agentSide, 50) / 1000.0, kind.note());
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String loadAverage() {
        try {
            return Arrays.stream(Files.readString(Path.of("/proc/loadavg")).split(" ")).limit(3).reduce((a, b) -> a + " " + b).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
