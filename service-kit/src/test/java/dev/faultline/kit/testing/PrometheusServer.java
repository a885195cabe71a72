package dev.faultline.kit.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.devstack.process.ShutdownHooks;
import dev.faultline.devstack.support.FreePorts;
import dev.faultline.devstack.support.WorkDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * A real Prometheus server for integration tests: Debian's {@code prometheus} binary ({@code /usr/bin/prometheus},
 * or {@code -Dfaultline.prometheus.binary}) started with a generated configuration that scrapes the given targets
 * and itself every second, throwaway storage, and its web API on a free loopback port; ready when
 * {@code /-/ready} answers 200. Its output goes to {@code prometheus.log} in its throwaway work directory (a start
 * that fails shows its last lines). A missing binary
 * fails the test with how to install it — never a silent skip; {@code .ci/run} installs the package.
 */
public final class PrometheusServer implements AutoCloseable {

    public static final String BINARY_PROPERTY = "faultline.prometheus.binary";
    /** How often every target is scraped. */
    public static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(1);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path workDir;
    private final String baseUrl;
    private final ShutdownHooks.Registration atExit;

    private PrometheusServer(Process process, Path workDir, String baseUrl) {
        this.process = process;
        this.workDir = workDir;
        this.baseUrl = baseUrl;
        this.atExit = ShutdownHooks.register("prometheus " + baseUrl, this::stop);
    }

    /**
     * Starts Prometheus scraping each job's {@code /metrics}-like URL (job name → URL) and waits until it is ready.
     *
     * @throws IllegalStateException when the binary is missing or Prometheus does not become ready (with its output)
     */
    public static PrometheusServer start(Map<String, URI> jobs) {
        return start(jobs, null);
    }

    /**
     * Starts Prometheus with a past: {@code openMetrics} (OpenMetrics text with timestamps, ending {@code # EOF}) is
     * written into its storage as blocks by {@code promtool tsdb create-blocks-from openmetrics} (Prometheus'
     * documented backfill, from the same package) before it starts, and it keeps 90 days, so that range queries over
     * past weeks find the samples.
     */
    public static PrometheusServer startWithHistory(Map<String, URI> jobs, String openMetrics) {
        return start(jobs, openMetrics);
    }

    private static PrometheusServer start(Map<String, URI> jobs, String openMetrics) {
        Path binary = Path.of(System.getProperty(BINARY_PROPERTY, "/usr/bin/prometheus"));
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("Prometheus is not installed: " + binary + " is missing. Install Debian's"
                    + " package (sudo apt-get install -y prometheus; .ci/run does) or point -D" + BINARY_PROPERTY
                    + " at a prometheus binary");
        }
        int port = FreePorts.next();
        Path workDir = WorkDirs.fresh("faultline-prometheus-");
        try {
            if (openMetrics != null) {
                backfill(binary.resolveSibling("promtool"), workDir, openMetrics);
            }
            Path config = Files.writeString(workDir.resolve("prometheus.yml"), config(port, jobs));
            Process process = new ProcessBuilder(List.of(binary.toString(), "--config.file=" + config,
                    "--storage.tsdb.path=" + workDir.resolve("data"), "--storage.tsdb.retention.time=90d",
                    "--web.listen-address=127.0.0.1:" + port))
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("prometheus.log").toFile())
                    .start();
            PrometheusServer server = new PrometheusServer(process, workDir, "http://127.0.0.1:" + port);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            WorkDirs.deleteRecursively(workDir);
            throw new UncheckedIOException("cannot start " + binary, e);
        }
    }

    private static void backfill(Path promtool, Path workDir, String openMetrics) throws IOException {
        Path input = Files.writeString(workDir.resolve("history.om"), openMetrics);
        Path log = workDir.resolve("promtool.log");
        Process process = new ProcessBuilder(List.of(promtool.toString(), "tsdb", "create-blocks-from", "openmetrics",
                input.toString(), workDir.resolve("data").toString())).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(promtool + " could not backfill the history: "
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + promtool + " backfilled the history", e);
        }
    }

    /** The generated configuration: every job scraped every second, Prometheus itself as job {@code prometheus}. */
    static String config(int port, Map<String, URI> jobs) {
        StringBuilder yaml = new StringBuilder("""
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: prometheus
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(port));
        jobs.forEach((job, url) -> yaml.append("""
                  - job_name: %s
                    scheme: %s
                    metrics_path: '%s'
                    static_configs:
                      - targets: ['%s']
                """.formatted(job, url.getScheme(), url.getRawPath(), url.getAuthority())));
        return yaml.toString();
    }

    /** The base URL of its HTTP API, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return baseUrl;
    }

    public Path logFile() {
        return workDir.resolve("prometheus.log");
    }

    /** Waits until Prometheus has scraped {@code job} successfully ({@code up{job="…"} == 1}). */
    public void awaitScraped(String job) {
        await("Prometheus scraping " + job).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    JsonNode result = query("up{job=\"" + job + "\"}").path("data").path("result");
                    return result.size() == 1 && "1".equals(result.get(0).path("value").path(1).asText());
                });
    }

    /** The JSON answer of an instant query now, for a test's own look at what Prometheus holds. */
    public JsonNode query(String promql) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private void awaitReady() {
        try {
            await("Prometheus ready at " + baseUrl).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .failFast("Prometheus exited", () -> !process.isAlive())
                    .until(() -> {
                        try {
                            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/-/ready"))
                                    .timeout(Duration.ofSeconds(2)).build(),
                                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                        } catch (IOException e) {
                            return false;
                        }
                    });
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            String output = output();
            close();
            throw new IllegalStateException(e.getMessage() + "; its output:\n" + output, e);
        }
    }

    private String output() {
        try {
            List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(none in " + logFile() + ")";
        }
    }

    /** Stops Prometheus (SIGTERM, then SIGKILL after 10 s) and deletes its work directory. */
    @Override
    public void close() {
        atExit.cancel();
        stop();
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        WorkDirs.deleteRecursively(workDir);
    }
}
