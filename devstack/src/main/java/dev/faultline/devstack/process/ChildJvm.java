package dev.faultline.devstack.process;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.faultline.devstack.support.CodeLocations;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
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
    /**
     * glibc keeps what a JVM frees natively (class loading's and the compiler's arenas, most of it during start-up)
     * for the process to use again, resident; the JVM hands it back to the system every 2 s when it can
     * ({@code TrimNativeHeapInterval}, JDK 17.0.9 and later: measured on the local stack, 20–25 MiB less summed over its
     * JVMs at ready). A child runs this JVM's java, so this JVM's options say whether it can.
     */
    static final List<String> NATIVE_HEAP_TRIM = supports("TrimNativeHeapInterval")
            ? List.of("-XX:TrimNativeHeapInterval=2000") : List.of();
    /**
     * Netty 4.2 registers its buffer allocators' events with the JDK Flight Recorder whenever JFR is available, and
     * that starts JFR's metadata repository (150 event types, ~200 classes) in every JVM that loads Netty: 2–4 MiB of
     * heap and metaspace in the services' JVM and the data plane (the data plane's bench: 76.4 → 72.8 MiB at its
     * peak) for events no one records. A child that wants them sets {@code -Dio.netty.jfr.enabled=true} in its own
     * options, which come after this one.
     */
    static final String NETTY_JFR_OFF = "-Dio.netty.jfr.enabled=false";
    /**
     * The young generation's cap for the stack's larger JVMs (Kafka, Cassandra, the services' shared JVM). The serial
     * collector gives it a third of the heap — 30–40 MB once their heaps have grown, every page resident as allocation
     * sweeps through it; 20 MB collects a little more often and holds that much less (measured with the demo's memory
     * table, README "Figures").
     */
    public static final String YOUNG_GENERATION_CAP = "-XX:MaxNewSize=20m";
    /** The exit status of a process ended by SIGKILL (128 + 9). */
    private static final int KILLED = 137;

    private final String name;
    private final Process process;
    private final Path logFile;
    private final boolean supervised;
    private final ClassDataArchives archives;
    private final Optional<ClassDataArchives.Recording> recording;
    private volatile boolean stoppedCleanly;
    private volatile boolean stopRequested;

    private ChildJvm(String name, Process process, Path logFile, boolean supervised, ClassDataArchives archives,
                     Optional<ClassDataArchives.Recording> recording) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.supervised = supervised;
        this.archives = archives;
        this.recording = recording;
    }

    /**
     * Starts {@code mainClass} in a new JVM on {@code classpath} (plus the devstack's own classes,
     * which carry {@link ChildProcessMain}), appending its output to {@code logFile}.
     */
    public static ChildJvm launch(String name, List<String> jvmArgs, String classpath, String mainClass,
                                  List<String> args, Path logFile) {
        return launch(name, List.of(), jvmArgs, classpath, mainClass, args, logFile);
    }

    /**
     * Like {@link #launch(String, List, String, String, List, Path)}, through {@code wrapper}: a command that ends by
     * executing the rest of its command line in its own process (as {@code setpriv} or {@code prlimit} do), so that
     * {@link #pid()} is still the JVM's.
     */
    public static ChildJvm launch(String name, List<String> wrapper, List<String> jvmArgs, String classpath,
                                  String mainClass, List<String> args, Path logFile) {
        return launch(ClassDataArchives.configured(), name, wrapper, jvmArgs, classpath, mainClass, args, logFile);
    }

    /** Like {@link #launch(String, List, List, String, String, List, Path)}, with these class-data archives. */
    static ChildJvm launch(ClassDataArchives archives, String name, List<String> wrapper, List<String> jvmArgs,
                           String classpath, String mainClass, List<String> args, Path logFile) {
        ClassDataArchives.Plan plan = plan(archives, name, classpath);
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(javaCommand(plan, jvmArgs, mainClass, args));
        return start(name, command, logFile, false, archives, plan.recording());
    }

    /**
     * Like {@link #launch}, under a supervisor: a bash loop that starts the JVM again {@code restartDelay} after it
     * ends, however it ended (a SIGKILL included), as long as this JVM lives — what systemd's {@code Restart=always}
     * does for a service. The supervisor's own command line is the loop, not the JVM's, so a pattern matching the
     * JVM's whole command line does not match the supervisor. {@link #close()} (SIGTERM to the loop) stops the JVM
     * and the loop; {@link #pid()} is the loop's, {@link #rssBytes()} the loop's and its JVM's.
     */
    public static ChildJvm launchSupervised(String name, List<String> jvmArgs, String classpath, String mainClass,
                                            List<String> args, Path logFile, Duration restartDelay) {
        ClassDataArchives archives = ClassDataArchives.configured();
        ClassDataArchives.Plan plan = plan(archives, name, classpath);
        String jvm = javaCommand(plan, jvmArgs, mainClass, args).stream().map(ChildJvm::quoted)
                .collect(Collectors.joining(" "));
        // a background job's stdin is /dev/null unless redirected: the JVM gets the parent's pipe (fd 3) to watch
        String loop = "exec 3<&0; trap '' INT; trap 'kill -TERM $child 2>/dev/null; wait $child; exit 0' TERM; "
                + "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do " + jvm + " <&3 & child=$!; "
                + "wait $child; echo \"faultline supervisor: " + name + " exited ($?), starting it again in "
                + restartDelay.toMillis() + " ms\"; sleep " + restartDelay.toMillis() / 1000.0 + "; done";
        return start(name, List.of("bash", "-c", loop), logFile, true, archives, plan.recording());
    }

    /** How {@code archives} would start {@code name} on {@code classpath} plus the devstack's own classes. */
    private static ClassDataArchives.Plan plan(ClassDataArchives archives, String name, String classpath) {
        return archives.plan(name, ownLocation() + File.pathSeparator + classpath);
    }

    /** The java command line: the class-data flags first, so that a flag of the caller's can override them. */
    private static List<String> javaCommand(ClassDataArchives.Plan plan, List<String> jvmArgs, String mainClass,
                                            List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(plan.flags());
        command.addAll(NATIVE_HEAP_TRIM);
        command.add(NETTY_JFR_OFF);
        command.addAll(jvmArgs);
        command.add("-D" + ChildProcessMain.PARENT_PID + "=" + ProcessHandle.current().pid());
        command.add("-D" + ChildProcessMain.WATCH_STDIN + "=true");
        command.add("-cp");
        command.add(plan.classpath());
        command.add(ChildProcessMain.class.getName());
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    private static String quoted(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    private static ChildJvm start(String name, List<String> command, Path logFile, boolean supervised,
                                  ClassDataArchives archives, Optional<ClassDataArchives.Recording> recording) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command);
            // glibc gives each thread that allocates its own 64 MB arena (up to 8 per core); a JVM allocates natively
            // from few threads, and two arenas keep its resident set from spreading over many
            builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
            Process process = builder
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            LOG.debug("started {} as pid {}, log {}", name, process.pid(), logFile);
            return new ChildJvm(name, process, logFile, supervised, archives, recording);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (" + String.join(" ", command) + ")", e);
        }
    }

    /** What it records for its class-data archive, when it does ({@link ClassDataArchives}). */
    Optional<ClassDataArchives.Recording> recording() {
        return recording;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public OptionalLong rssBytes() {
        return summed(ProcessStats::rssBytes);
    }

    /** Its proportional set size ({@link ProcessStats#pssBytes}), the loop's and its JVM's when supervised. */
    public OptionalLong pssBytes() {
        return summed(ProcessStats::pssBytes);
    }

    private OptionalLong summed(LongFunction<OptionalLong> stat) {
        OptionalLong own = stat.apply(process.pid());
        if (!supervised || own.isEmpty()) {
            return own;
        }
        return OptionalLong.of(own.getAsLong() + process.descendants().map(p -> stat.apply(p.pid()))
                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).sum());
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
        stopRequested = true;
        process.destroy();
    }

    /**
     * Stops it (SIGTERM, then SIGKILL after the grace period) and waits; when it stopped cleanly and was recording
     * its classes, writes its class-data archive ({@link ClassDataArchives#record}).
     */
    @Override
    public void close() {
        boolean clean;
        if (process.isAlive()) {
            clean = stop();
        } else {
            // stopped by requestStop, or it ended by itself (then its recording says nothing of a normal run)
            clean = stopRequested && process.exitValue() != KILLED;
        }
        stoppedCleanly = clean;
        if (clean) {
            recording.ifPresent(archives::record);
        }
    }

    /** Whether {@link #close()} saw it stop on request (SIGTERM, not killed); false while it runs. */
    public boolean stoppedCleanly() {
        return stoppedCleanly;
    }

    private boolean stop() {
        long started = System.nanoTime();
        stopRequested = true;
        process.destroy();
        boolean clean = false;
        try {
            clean = process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            if (!clean) {
                LOG.warn("{} (pid {}) did not stop within {} s; killing it", name, pid(), STOP_GRACE.toSeconds());
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        LOG.info("{} (pid {}) stopped in {} ms", name, pid(), (System.nanoTime() - started) / 1_000_000);
        return clean;
    }

    private static boolean supports(String option) {
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(option);
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** This JVM's java, which every child runs. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String ownLocation() {
        return CodeLocations.of(ChildProcessMain.class);
    }
}
