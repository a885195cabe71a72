package dev.faultline.devstack.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM started as a child of this one, running a main class through {@link ChildProcessMain} so
 * that it dies with its parent. Output goes to a log file; stdin is a pipe the child watches.
 * {@link #close()} stops it with SIGTERM (a clean shutdown), then SIGKILL after a grace period.
 */
public final class ChildJvm implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChildJvm.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildJvm(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code mainClass} in a new JVM on {@code classpath} (plus the devstack's own classes,
     * which carry {@link ChildProcessMain}), appending its output to {@code logFile}.
     */
    public static ChildJvm launch(String name, List<String> jvmArgs, String classpath, String mainClass,
                                  List<String> args, Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmArgs);
        command.add("-D" + ChildProcessMain.PARENT_PID + "=" + ProcessHandle.current().pid());
        command.add("-D" + ChildProcessMain.WATCH_STDIN + "=true");
        command.add("-cp");
        command.add(ownLocation() + File.pathSeparator + classpath);
        command.add(ChildProcessMain.class.getName());
        command.add(mainClass);
        command.addAll(args);
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            LOG.debug("started {} as pid {}, log {}", name, process.pid(), logFile);
            return new ChildJvm(name, process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (" + mainClass + ")", e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public OptionalLong rssBytes() {
        return ProcessStats.rssBytes(process.pid());
    }

    public Path logFile() {
        return logFile;
    }

    /** What went wrong, for an exception message: the error lines of the output and where it is. */
    public String failureSummary() {
        String exit = process.isAlive() ? "still running" : "exit code " + process.exitValue();
        return exit + "; " + LogSummary.errors(logFile, 12) + System.lineSeparator() + "full output: " + logFile;
    }

    /** The last {@code lines} lines of the child's output, for error messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no output in " + logFile + ")";
        }
    }

    /** Sends SIGTERM without waiting; {@link #close()} waits. */
    public void requestStop() {
        process.destroy();
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        long started = System.nanoTime();
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} (pid {}) did not stop within {} s; killing it", name, pid(), STOP_GRACE.toSeconds());
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        LOG.info("{} (pid {}) stopped in {} ms", name, pid(), (System.nanoTime() - started) / 1_000_000);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String ownLocation() {
        try {
            return Path.of(ChildProcessMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the devstack classes", e);
        }
    }
}
