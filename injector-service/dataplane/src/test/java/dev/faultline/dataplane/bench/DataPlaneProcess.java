package dev.faultline.dataplane.bench;

import dev.faultline.dataplane.DataPlaneMain;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Faultline data plane under test, as its own JVM launched the way {@code ./faultline dataplane}
 * launches it (the JVM flags of {@code injector-service/dataplane/jvm.options}, passed in by the
 * script), so its memory and GC pauses are its own and it is driven only over its API. Its GC log
 * is kept to count the pauses the run caused.
 */
final class DataPlaneProcess implements AutoCloseable {

    private static final Pattern PAUSE = Pattern.compile("^\\[([0-9.]+)s\\].*Pause.* ([0-9.]+)ms$");

    private final Process process;
    private final Path gcLog;
    private final ToxiproxyApi api;
    private final long startedNanos;

    DataPlaneProcess(List<String> jvmFlags, Path workDir) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        this.gcLog = workDir.resolve("dataplane-gc.log");
        Files.deleteIfExists(gcLog);
        List<String> flags = new ArrayList<>(jvmFlags);
        flags.add("-Xlog:gc:file=" + gcLog);
        // its own classes and runtime dependencies only, as `./faultline dataplane` runs it: the bench's test
        // classpath would add the jars of JUnit and the rest to what it maps
        String classpath = System.getProperty("bench.dataplaneClasspath", System.getProperty("java.class.path"));
        this.startedNanos = System.nanoTime();
        this.process = jvm(flags, classpath, DataPlaneMain.class.getName(),
                "--host", "127.0.0.1", "--port", Integer.toString(port))
                .redirectOutput(workDir.resolve("dataplane.log").toFile()).start();
        this.api = new ToxiproxyApi("http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                api.version();
                return;
            } catch (IOException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    close();
                    throw new IOException("the data plane did not start; see " + workDir.resolve("dataplane.log"), e);
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
    }

    /**
     * A JVM of this machine's java with {@code flags}, running {@code mainClass} from {@code classpath}, its output
     * merged, with {@code MALLOC_ARENA_MAX=2} as the local stack, compose and {@code ./faultline dataplane} run the data
     * plane.
     */
    static ProcessBuilder jvm(List<String> flags, String classpath, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        return builder;
    }

    ToxiproxyApi api() {
        return api;
    }

    ProcessMeter meter() {
        return new ProcessMeter(process.pid());
    }

    /** Seconds since the process was launched (about its JVM's uptime, which its GC log stamps). */
    double uptime() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** The GC pauses logged between two {@link #uptime()}s: count and the longest, in ms. */
    double[] gcPauses(double from, double to) throws IOException {
        double count = 0;
        double longest = 0;
        for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
            Matcher m = PAUSE.matcher(line.trim());
            if (m.find() && Double.parseDouble(m.group(1)) >= from && Double.parseDouble(m.group(1)) <= to) {
                count++;
                longest = Math.max(longest, Double.parseDouble(m.group(2)));
            }
        }
        return new double[] {count, longest};
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
