package dev.faultline.injector.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** The test's own readings of {@code /proc}, independent of the agent's code: CPU time, resident memory, state, command line. */
final class ProcReadings {

    /** USER_HZ, the unit of utime and stime ({@code getconf CLK_TCK}: 100 on every Linux this runs on). */
    private static final double TICKS_PER_SECOND = 100;

    private ProcReadings() {
    }

    /** One window: the share of one core {@code pid} used, in percent, and how many cores stood idle meanwhile. */
    record CpuWindow(double percent, double idleCores) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f %% with %.2f cores idle", percent, idleCores);
        }
    }

    /** {@code pid}'s CPU over {@code window}: the window is the measurement itself (CPU time is a rate), not a wait. */
    static CpuWindow cpuOver(long pid, Duration window) throws InterruptedException {
        double cpu0 = cpuSeconds(pid);
        double idle0 = machineIdleSeconds();
        long t0 = System.nanoTime();
        Thread.sleep(window.toMillis());
        double cpu1 = cpuSeconds(pid);
        double idle1 = machineIdleSeconds();
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new CpuWindow(100 * (cpu1 - cpu0) / seconds, (idle1 - idle0) / seconds);
    }

    /** utime + stime of {@code pid}, in seconds. */
    static double cpuSeconds(long pid) {
        String[] fields = afterComm(stat(pid).orElseThrow(() -> new IllegalStateException("no process " + pid)));
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /** Idle and I/O wait time of the whole machine, summed over its CPUs (the first line of /proc/stat), in seconds. */
    static double machineIdleSeconds() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return (Long.parseLong(cpu[4]) + Long.parseLong(cpu[5])) / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/stat", e);
        }
    }

    /** VmRSS of {@code pid}, in MiB. */
    static double rssMegabytes(long pid) {
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
    static Optional<Character> state(long pid) {
        return stat(pid).map(s -> afterComm(s)[0].charAt(0));
    }

    /** The whole command line of {@code pid}, arguments joined by single spaces, as the agent matches it. */
    static Optional<String> commandLine(long pid) {
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
