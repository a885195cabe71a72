package dev.faultline.injector.it;

import static org.awaitility.Awaitility.await;

import dev.faultline.agent.support.ProcFs;
import dev.faultline.demo.PricingMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The demo's pricing service ({@link PricingMain}) as a real process for process faults to hit: a child JVM on this
 * test JVM's classpath, alone or under a supervisor — a bash loop that starts it again a second after it dies, as
 * systemd's {@code Restart=always} with {@code RestartSec=1} would. Its command line ends with its own port, so
 * {@link #pattern()} matches it and nothing else (not the supervisor, whose command line is the loop).
 */
public final class PricingProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final int port;
    private final Process process;
    private final boolean supervised;

    private PricingProcess(int port, Process process, boolean supervised) {
        this.port = port;
        this.process = process;
        this.supervised = supervised;
    }

    /** Pricing in its own JVM, answering on a free port (waited for). */
    public static PricingProcess start(Path log) {
        int port = HostAgent.freePort();
        return started(port, command(port), false, log);
    }

    /** Pricing under a bash supervisor loop that restarts it one second after it exits (waited for). */
    public static PricingProcess supervised(Path log) {
        int port = HostAgent.freePort();
        String java = command(port).stream().map(arg -> "'" + arg.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
        return started(port, List.of("bash", "-c", "while true; do " + java + "; sleep 1; done"), true, log);
    }

    private static PricingProcess started(int port, List<String> command, boolean supervised, Path log) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            PricingProcess pricing = new PricingProcess(port, process, supervised);
            await("pricing answering on " + port).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> pricing.answers(Duration.ofSeconds(1)));
            return pricing;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> command(int port) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), PricingMain.class.getName(),
                "--port", Integer.toString(port));
    }

    /** A regular expression matching the whole command line of this pricing process, and of no other process. */
    public String pattern() {
        return "\\S*java .* " + PricingMain.class.getName().replace(".", "\\.") + " --port " + port;
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The pid of the pricing JVM running now (the supervisor's current child), if any. */
    public Optional<Long> pid() {
        Pattern whole = Pattern.compile(pattern());
        return ProcessHandle.allProcesses().map(ProcessHandle::pid)
                .filter(pid -> ProcFs.commandLine(pid).map(line -> whole.matcher(line).matches()).orElse(false))
                .findFirst();
    }

    /** One GET /prices/sku-1 with a short timeout: true when it answered 200. */
    public boolean answers(Duration timeout) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url("/prices/sku-1"))).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Kills the supervisor (if any) and every pricing JVM of this port, by pid. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        children.forEach(ProcessHandle::destroyForcibly);
        if (supervised) {
            // the loop may have started it again between the listing and its own end
            pid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
