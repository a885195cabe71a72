package dev.faultline.agent.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The test's own readings of {@code /proc}, independent of the agent's code. */
public final class ProcFs {

    /** USER_HZ: the unit of utime and stime (100 on every Linux this runs on; {@code getconf CLK_TCK}). */
    private static final double TICKS_PER_SECOND = 100;

    private ProcFs() {
    }

    /** utime + stime of {@code pid}, in seconds. */
    public static double cpuSeconds(long pid) {
        String[] fields = afterComm(stat(pid).orElseThrow(() -> new IllegalStateException("no process " + pid)));
        // fields[0] is stat's field 3; utime and stime are fields 14 and 15
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /**
     * One measurement window: the share of one core {@code pid} used, and how many cores stood idle
     * meanwhile, in percent and cores.
     */
    public record CpuWindow(double percent, double idleCores) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%.1f %% with %.2f cores idle", percent, idleCores);
        }
    }

    /**
     * Measures {@code pid}'s CPU over {@code window}. The window is the measurement itself (CPU time
     * is only meaningful over an interval), not a wait for anything.
     */
    public static CpuWindow cpuOver(long pid, Duration window) {
        double cpu0 = cpuSeconds(pid);
        double idle0 = machineIdleSeconds();
        long t0 = System.nanoTime();
        elapse(window);
        double cpu1 = cpuSeconds(pid);
        double idle1 = machineIdleSeconds();
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new CpuWindow(100 * (cpu1 - cpu0) / seconds, (idle1 - idle0) / seconds);
    }

    /** Lets {@code window} pass: the interval a rate is measured over, its end the only condition to wait for. */
    private static void elapse(Duration window) {
        long end = System.nanoTime() + window.toNanos();
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).atMost(window.plusSeconds(5))
                .until(() -> System.nanoTime() >= end);
    }

    /** Idle (and I/O wait) time of the whole machine, summed over its CPUs, in seconds: the first line of /proc/stat. */
    public static double machineIdleSeconds() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return (Long.parseLong(cpu[4]) + Long.parseLong(cpu[5])) / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/stat", e);
        }
    }

    /** VmRSS of {@code pid}, in MiB. */
    public static double rssMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the status of " + pid, e);
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    /** The state letter of {@code pid} (T = stopped), empty when it is gone. */
    public static Optional<Character> state(long pid) {
        return stat(pid).map(s -> afterComm(s)[0].charAt(0));
    }

    /** The whole command line of {@code pid}, arguments joined by single spaces, as the agent matches it. */
    public static Optional<String> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            String line = new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
            return line.isEmpty() ? Optional.empty() : Optional.of(line);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> stat(long pid) {
        try {
            return Optional.of(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String[] afterComm(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    }
}
