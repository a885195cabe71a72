package dev.faultline.cli.declared;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.faultline.cli.FaultlineCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code targets apply} and {@code failure-modes add|withdraw} as clients of hypothesis-service's admin API (a JDK
 * HTTP server stands in for it; the service's side is tested in its AdminApiIT): the file's text is sent with its
 * name and the user's token, the answer printed; a file refused by the service, or with problems found here, exits 2
 * with every problem; a dry run sends nothing.
 */
class AdminCommandsTest {

    private static final String TOKEN = "a.b.c";

    /** One request the stand-in received. */
    private record Received(String method, String path, String query, String contentType, String authorization,
                            String body) {
    }

    private final List<Received> received = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private HttpServer server;
    private int status;
    private String answer;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    query == null ? null : URLDecoder.decode(query, StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int run(String... tokens) {
        out.reset();
        err.reset();
        List<String> line = new ArrayList<>(List.of(tokens));
        line.addAll(List.of("--hypothesis-url", "http://127.0.0.1:" + server.getAddress().getPort(), "--token", TOKEN));
        return FaultlineCli.run(line, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }

    private void answer(int status, String json) {
        this.status = status;
        this.answer = json;
    }

    private Path targets() throws IOException {
        return Files.writeString(dir.resolve("team.yaml"), """
                environments:
                  staging:
                    inventory: {type: http-api, base-url: "${api}"}
                """);
    }

    @Test
    void shouldSendTheTargetsFileWithItsNameAndTheTokenAndPrintWhatChanged() throws Exception {
        Path file = targets();
        answer(200, "{\"source\":\"x\",\"declared\":[\"STAGING/inventory\"],\"removed\":[\"STAGING/billing\"]}");

        assertThat(run("targets", "apply", file.toString(), "--set", "api=http://api.internal:9000"))
                .as(err.toString()).isZero();

        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.method() + " " + request.path()).isEqualTo("POST /targets");
            assertThat(request.query()).isEqualTo("source=" + file.normalize());
            assertThat(request.contentType()).isEqualTo("application/yaml");
            assertThat(request.authorization()).isEqualTo("Bearer " + TOKEN);
            assertThat(request.body()).contains("inventory: {type: http-api, base-url: \"http://api.internal:9000\"}");
        });
        assertThat(out.toString()).isEqualTo(file + ": declared [STAGING/inventory]; removed [STAGING/billing]"
                + System.lineSeparator());
    }

    @Test
    void shouldListEveryProblemTheServiceFoundAndExitWithTwo() throws Exception {
        Path file = targets();
        answer(400, "{\"status\":400,\"error\":\"team.yaml: 2 problems; nothing published\",\"reasons\":["
                + "\"line 3, column 5: environments.staging.inventory: a\",\"line 4, column 1: b\"]}");

        assertThat(run("targets", "apply", file.toString(), "--set", "api=http://api.internal:9000")).isEqualTo(2);
        assertThat(err.toString()).contains(file + ": line 3, column 5: environments.staging.inventory: a",
                file + ": line 4, column 1: b", file + ": 2 problems; nothing published");
    }

    @Test
    void shouldRefuseAFileWithProblemsOrUnsetPlaceholdersHereAndSendNothingOnADryRun() throws Exception {
        Path file = targets();
        assertThat(run("targets", "apply", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 3, column 44: ${api}: not set: pass --set api=VALUE",
                "1 problem; nothing published");
        assertThat(run("targets", "apply", file.toString(), "--set", "api=not-a-url")).isEqualTo(2);
        assertThat(err.toString()).contains("'not-a-url' is not an http(s) URL");
        assertThat(run("targets", "apply", dir.resolve("missing.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("missing.yaml: cannot be read; nothing published");
        assertThat(run("targets", "apply", file.toString(), "--set", "api=http://api.internal", "--dry-run")).isZero();
        assertThat(out.toString()).contains("1 targets valid (dry run, nothing published)");

        assertThat(received).as("nothing reached the service").isEmpty();
    }

    @Test
    void shouldAddFailureModesWithTheirIncidentAndWithdrawOne() throws Exception {
        Path file = Files.writeString(dir.resolve("worker.yaml"), """
                failure-modes:
                  worker-lag:
                    service-type: queue-worker
                    fault: network-latency
                    risk: low
                    description: the broker answers latencyMillis slower
                    parameters: {latencyMillis: 500}
                    title: When ${dependency} is slow, ${service} keeps up
                    probes: {lag: {kind: metric, parameters: {metric: worker_lag}}}
                    predictions:
                      bounded: {probe: lag, statistic: value-max, comparator: '<', threshold: 100, unit: count,
                                description: the lag stays bounded}
                """);
        answer(200, "{\"source\":\"x\",\"added\":[\"worker-lag\"]}");
        assertThat(run("failure-modes", "add", file.toString(), "--incident", "INC-7")).as(err.toString()).isZero();
        assertThat(out.toString()).contains(file + ": added [worker-lag]");
        assertThat(received.get(0).path()).isEqualTo("/failure-modes");
        assertThat(received.get(0).query()).isEqualTo("source=" + file + "&incident=INC-7");
        assertThat(received.get(0).body()).startsWith("failure-modes:");

        answer(200, "{\"withdrawn\":\"worker-lag\"}");
        assertThat(run("failure-modes", "withdraw", "worker-lag")).as(err.toString()).isZero();
        assertThat(received.get(1).method() + " " + received.get(1).path()).isEqualTo("DELETE /failure-modes/worker-lag");
        assertThat(out.toString()).contains("worker-lag: withdrawn");

        answer(404, "{\"status\":404,\"error\":\"no added template 'worker-lag'; nothing published\",\"reasons\":[]}");
        assertThat(run("failure-modes", "withdraw", "worker-lag")).isEqualTo(2);
        assertThat(err.toString()).contains("worker-lag: no added template 'worker-lag'; nothing published");
    }

    @Test
    void shouldFailWithTheServicesAnswerWhenTheUserIsNotAnAdmin() throws Exception {
        answer(403, "{\"status\":403,\"error\":\"applying targets needs the role admin; alice has proposer\","
                + "\"reasons\":[]}");
        assertThat(run("targets", "apply", targets().toString(), "--set", "api=http://api.internal")).isEqualTo(1);
        assertThat(err.toString()).contains("hypothesis-service answered 403 to POST /targets",
                "applying targets needs the role admin; alice has proposer");
    }
}
