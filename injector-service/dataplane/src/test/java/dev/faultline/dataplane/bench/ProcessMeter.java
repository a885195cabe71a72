package dev.faultline.dataplane.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the benchmark reads about a proxy's process from /proc: resident memory now and its
 * peak ({@code VmRSS}, {@code VmHWM}), and the CPU time it has used (user + system).
 */
record ProcessMeter(long pid) {

    /** Resident set in MiB now (/proc reports kB, which are KiB). */
    double rssMiB() {
        return statusKiB("VmRSS:") / 1024.0;
    }

    /** The peak resident set in MiB over the process's life so far. */
    double peakRssMiB() {
        return statusKiB("VmHWM:") / 1024.0;
    }

    /** CPU time used so far, in nanoseconds (clock ticks of 10 ms resolution at USER_HZ 100). */
    long cpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.US_ASCII);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 10_000_000L;
        } catch (IOException e) {
            return 0;
        }
    }

    private long statusKiB(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }
}
