package dev.faultline.cli.demo;

import dev.faultline.cli.stack.ProcessMemory;
import dev.faultline.devstack.process.ProcessStats;
import java.util.List;
import java.util.Locale;

/**
 * The resident memory of each process of the stack and their totals, as the demo prints it: RSS, and PSS — what the
 * processes hold together, each page they share counted once ({@link ProcessMemory}).
 */
public final class MemoryTable {

    private static final long MIB = 1024 * 1024;

    private MemoryTable() {
    }

    public static String render(List<ProcessMemory> processes) {
        StringBuilder out = new StringBuilder(String.format("  %-24s %-12s %8s %8s%n", "", "", "RSS", "PSS"));
        long rss = 0;
        long pss = 0;
        for (ProcessMemory process : processes) {
            out.append(String.format("  %-24s pid %-8d %8s %8s%n", process.name(), process.pid(),
                    ProcessStats.mebibytes(process.rssBytes()), ProcessStats.mebibytes(process.pssBytes())));
            rss += process.rssBytes().orElse(0);
            pss += process.pssBytes().orElse(0);
        }
        out.append(String.format(Locale.ROOT, "  %-24s %-12s %8s %8s   (%.2f GB, %.2f GB)%n", "total", "", rss / MIB + " MiB",
                pss / MIB + " MiB", rss / 1e9, pss / 1e9));
        out.append("  (RSS counts the pages every JVM maps alike — the JVM's code, the JDK's class data — once per"
                + " process; PSS shares them out, so its total is the memory the stack holds)\n");
        return out.toString();
    }
}
