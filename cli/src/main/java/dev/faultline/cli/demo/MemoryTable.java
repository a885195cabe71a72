package dev.faultline.cli.demo;

import dev.faultline.cli.stack.ProcessMemory;
import java.util.List;

/** The resident memory of each process of the stack and their total, as the demo prints it. */
public final class MemoryTable {

    private MemoryTable() {
    }

    public static String render(List<ProcessMemory> processes) {
        StringBuilder out = new StringBuilder();
        long total = 0;
        for (ProcessMemory process : processes) {
            out.append(String.format("  %-24s pid %-8d %8s%n", process.name(), process.pid(), process.megabytes()));
            total += process.rssBytes().orElse(0);
        }
        out.append(String.format("  %-24s %-12s %8s%n", "total", "", (total / (1024 * 1024)) + " MB"));
        return out.toString();
    }
}
