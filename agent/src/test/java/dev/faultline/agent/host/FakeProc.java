package dev.faultline.agent.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A directory laid out like {@code /proc} with the processes a test puts in it. */
final class FakeProc {

    final Path root;

    FakeProc(Path root) {
        this.root = root;
    }

    FakeProc process(long pid, String comm, char state, long startTime, String... argv) {
        try {
            Path dir = Files.createDirectories(root.resolve(Long.toString(pid)));
            // fields 3..22: state, ppid, pgrp, session, tty, tpgid, flags, minflt, cminflt, majflt, cmajflt,
            // utime, stime, cutime, cstime, priority, nice, num_threads, itrealvalue, starttime
            Files.writeString(dir.resolve("stat"), pid + " (" + comm + ") " + state
                    + " 1 1 1 0 -1 0 0 0 0 0 7 3 0 0 20 0 1 0 " + startTime + " 1000 100 0\n");
            Files.write(dir.resolve("cmdline"), (String.join("\0", argv) + (argv.length > 0 ? "\0" : "")).getBytes(StandardCharsets.UTF_8));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FakeProc state(long pid, char state) {
        try {
            Path stat = root.resolve(Long.toString(pid)).resolve("stat");
            String text = Files.readString(stat);
            int close = text.lastIndexOf(')');
            Files.writeString(stat, text.substring(0, close + 2) + state + text.substring(close + 3));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
