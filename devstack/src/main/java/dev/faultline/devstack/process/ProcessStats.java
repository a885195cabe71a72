package dev.faultline.devstack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Reads the resident memory of a process from {@code /proc/<pid>/status} and {@code smaps_rollup} (Linux only). */
public final class ProcessStats {

    private ProcessStats() {
    }

    /** Resident set size in bytes, or empty when it cannot be read (process gone, not Linux). */
    public static OptionalLong rssBytes(long pid) {
        return kilobytes(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:");
    }

    /**
     * Proportional set size in bytes, or empty when it cannot be read: a resident page that n processes share counts
     * 1/n in each, so the PSS of several processes adds up to the memory they hold together — where their RSS counts
     * what every JVM maps alike (the JVM's own code, the JDK's class-data archive) once in each.
     */
    public static OptionalLong pssBytes(long pid) {
        return kilobytes(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:");
    }

    private static OptionalLong kilobytes(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field)) {
                    String kb = line.substring(field.length()).replace("kB", "").trim();
                    return OptionalLong.of(Long.parseLong(kb) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** Resident set size of this JVM in bytes, or empty when unknown. */
    public static OptionalLong selfRssBytes() {
        return rssBytes(ProcessHandle.current().pid());
    }

    /** {@code "410 MiB"} (2^20 bytes), or {@code "? MiB"} when unknown. */
    public static String mebibytes(OptionalLong bytes) {
        return bytes.isPresent() ? (bytes.getAsLong() / (1024 * 1024)) + " MiB" : "? MiB";
    }
}
