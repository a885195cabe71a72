package dev.faultline.agent.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The host's processes, read from {@code /proc} (the root is injectable so unit tests can
 * lay out a fake one). Targets are matched against the whole command line
 * ({@code /proc/<pid>/cmdline}, arguments joined by single spaces), never against
 * {@code comm}: {@code comm} is cut at 15 characters and reads {@code java} for every JVM.
 * The agent's own pid never matches.
 */
public final class ProcessTable {

    private final Path proc;
    private final long self;

    public ProcessTable(Path proc, long self) {
        this.proc = proc;
        this.self = self;
    }

    public static ProcessTable system() {
        return new ProcessTable(Path.of("/proc"), ProcessHandle.current().pid());
    }

    public long self() {
        return self;
    }

    /** Live (not zombie) processes other than the agent whose whole command line matches {@code pattern}. */
    public List<ProcessInfo> matching(Pattern pattern) {
        return all().stream()
                .filter(p -> p.pid() != self && !p.isZombie() && pattern.matcher(p.commandLine()).matches())
                .toList();
    }

    /** Every process with a command line (kernel threads have none). */
    public List<ProcessInfo> all() {
        List<ProcessInfo> out = new ArrayList<>();
        try (Stream<Path> entries = Files.list(proc)) {
            entries.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .forEach(n -> find(Long.parseLong(n)).filter(p -> !p.commandLine().isEmpty()).ifPresent(out::add));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + proc + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The process with this pid now; empty when there is none (it exited, or the read raced its exit). */
    public Optional<ProcessInfo> find(long pid) {
        Path dir = proc.resolve(Long.toString(pid));
        try {
            String stat = Files.readString(dir.resolve("stat"), StandardCharsets.UTF_8);
            byte[] cmdline = Files.readAllBytes(dir.resolve("cmdline"));
            return Optional.of(parse(pid, stat, cmdline));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The process if it is still the one identified (same pid and start time). */
    public Optional<ProcessInfo> find(ProcessIdentity identity) {
        return find(identity.pid()).filter(p -> p.sameAs(identity));
    }

    /** Names ({@code comm}) of the threads of {@code pid}; Java threads show their name cut at 15 characters. */
    public List<String> threadNames(long pid) {
        try (Stream<Path> tasks = Files.list(proc.resolve(Long.toString(pid)).resolve("task"))) {
            return tasks.map(t -> {
                try {
                    return Files.readString(t.resolve("comm")).strip();
                } catch (IOException e) {
                    return "";  // the thread ended while we listed
                }
            }).filter(n -> !n.isEmpty()).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the threads of " + pid + ": " + e.getMessage(), e);
        }
    }

    /** Parses {@code stat} (whose comm field may hold spaces and parentheses) and {@code cmdline}. */
    static ProcessInfo parse(long pid, String stat, byte[] cmdline) {
        int close = stat.lastIndexOf(')');
        String[] fields = stat.substring(close + 2).trim().split(" ");
        // fields[0] is stat's field 3 (state); start time is field 22
        char state = fields[0].charAt(0);
        long startTime = Long.parseLong(fields[19]);
        return new ProcessInfo(pid, startTime, state, commandLine(cmdline));
    }

    static String commandLine(byte[] cmdline) {
        int end = cmdline.length;
        while (end > 0 && cmdline[end - 1] == 0) {
            end--;
        }
        return new String(cmdline, 0, end, StandardCharsets.UTF_8).replace('\0', ' ');
    }
}
