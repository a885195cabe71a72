package dev.faultline.agent.support;

import java.io.IOException;
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
     * The share of one core {@code pid} used over {@code window}, in percent. The window is the
     * measurement itself (CPU time is only meaningful over an interval), not a wait for anything.
     */
    public static double cpuPercentOver(long pid, Duration window) throws InterruptedException {
        double cpu0 = cpuSeconds(pid);
        long t0 = System.nanoTime();
        Thread.sleep(window.toMillis());
        double cpu1 = cpuSeconds(pid);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return 100 * (cpu1 - cpu0) / seconds;
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
