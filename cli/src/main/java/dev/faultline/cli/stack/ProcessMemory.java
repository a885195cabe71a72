package dev.faultline.cli.stack;

import dev.faultline.devstack.process.ProcessStats;
import java.util.OptionalLong;

/**
 * The resident memory of one process of the stack, when it could be read: its RSS, and its proportional set size
 * (PSS), which counts a page shared with n other processes 1/n — so the PSS of all the stack's processes adds up to the
 * memory they hold together, where their RSS counts the JVM's own code and the JDK's class-data archive, which every
 * JVM maps alike, once in each.
 */
public record ProcessMemory(String name, long pid, OptionalLong rssBytes, OptionalLong pssBytes) {

    /** The memory of the single process {@code pid}, read from {@code /proc}. */
    static ProcessMemory of(String name, long pid) {
        return new ProcessMemory(name, pid, ProcessStats.rssBytes(pid), ProcessStats.pssBytes(pid));
    }
}
