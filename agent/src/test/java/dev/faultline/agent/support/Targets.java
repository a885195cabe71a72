package dev.faultline.agent.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Real processes for the process faults to hit, each identifiable by a command line no other
 * process has; all of them (and their children) are killed, by pid, on close.
 */
public final class Targets implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final List<Process> started = new ArrayList<>();
    private final List<String> supervisedCommands = new ArrayList<>();

    /** A number no other process's command line is likely to hold, for {@code sleep <n>}. */
    public static long uniqueSeconds() {
        return 900_000_000L + ThreadLocalRandom.current().nextLong(99_999_999L);
    }

    /** {@code sleep <seconds>} as a child of the test JVM (no supervisor). */
    public Process sleep(long seconds) {
        return start(List.of("sleep", Long.toString(seconds)));
    }

    /** {@code sleep <seconds>} under a supervisor: a bash loop that starts it again whenever it ends. */
    public Process supervisedSleep(long seconds) {
        supervisedCommands.add("sleep " + seconds);
        return start(List.of("bash", "-c", "while true; do sleep " + seconds + "; done"));
    }

    /** {@link TargetServer} on {@code port} as its own JVM. */
    public Process server(int port) {
        String classes = System.getProperty("agent.testClasses", "target/test-classes");
        return start(List.of(Java.binary(), "-Xmx16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classes,
                TargetServer.class.getName(), Integer.toString(port)));
    }

    /** One GET to the server with a short timeout: true when it answered {@code ok}. */
    public static boolean answers(int port, Duration timeout) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().equals("ok");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static int freePort() {
        try {
            return AgentProcess.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Process start(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            started.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : started) {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            process.waitFor(10, TimeUnit.SECONDS);
        }
        // a supervisor may have started its child again between the listing and its own end
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> supervisedCommands.contains(c.replace("/usr/bin/", ""))).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }
}
