package dev.faultline.devstack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Reads the resident memory of a process from {@code /proc/<pid>/status} (Linux only). */
public final class ProcessStats {

    private ProcessStats() {
    }

    /** Resident set size in bytes, or empty when it cannot be read (process gone, not Linux). */
    public static OptionalLong rssBytes(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    String kb = line.substring("VmRSS:".length()).replace("kB", "").trim();
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

    /** {@code "410 MB"}, or {@code "? MB"} when unknown. */
    public static String megabytes(OptionalLong bytes) {
        return bytes.isPresent() ? (bytes.getAsLong() / (1024 * 1024)) + " MB" : "? MB";
    }
}
