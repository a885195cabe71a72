package dev.faultline.kit.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared prober against a real HTTP server: what is sent, what counts as success, what is dropped. */
class HttpProbeClientTest {

    private final HttpProbeClient client = new HttpProbeClient();
    private final AtomicInteger status = new AtomicInteger(200);
    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type")
                    + " " + exchange.getRequestHeaders().getFirst("X-Faultline-Experiment") + " " + body);
            exchange.getResponseHeaders().add("Retry-After", "5");
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpProbe probe(String method, Map<String, String> headers, String body) {
        return new HttpProbe("http://127.0.0.1:" + server.getAddress().getPort() + "/orders", method, headers, body,
                Duration.ofSeconds(2));
    }

    @Test
    void shouldSendTheBodyHeadersAndExtraHeaders() {
        ProbeAnswer answer = client.send(probe("post", Map.of("content-type", "application/json"), "{\"q\":1}"),
                Map.of("x-faultline-experiment", "exp-1")).join();

        assertThat(received).containsExactly("POST application/json exp-1 {\"q\":1}");
        assertThat(answer.ok()).isTrue();
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers()).contains("retry-after").allSatisfy(h -> assertThat(h).isLowerCase());
        assertThat(answer.latencyMillis()).isPositive();
        assertThat(answer.problem()).isNull();
    }

    @Test
    void shouldCountOnly2xxAnd3xxAsSuccess() {
        for (int code : new int[] {200, 204, 302, 404, 429, 500, 503}) {
            status.set(code);
            ProbeAnswer answer = client.send(probe("GET", Map.of(), null), Map.of()).join();
            assertThat(answer.ok()).as("status %d", code).isEqualTo(code < 400);
            assertThat(answer.hasAnswer()).isTrue();
        }
        assertThat(client.send(probe("GET", Map.of(), null), Map.of()).join().problem()).isEqualTo("status 503");
    }

    @Test
    void shouldRecordNoAnswerAsAFailureWithItsError() {
        ProbeAnswer answer = client.send(new HttpProbe("http://127.0.0.1:1/x", "GET", Map.of(), null,
                Duration.ofSeconds(1)), Map.of()).join();
        assertThat(answer.ok()).isFalse();
        assertThat(answer.hasAnswer()).isFalse();
        assertThat(answer.error()).contains("ConnectException");
        assertThat(answer.view().status()).isNull();
    }

    @Test
    void shouldDropHeadersTheJdkClientRefusesAndSayWhy() {
        Map<String, String> headers = Map.of("Host", "example.org", "connection", "close", "Content-Length", "3",
                "expect", "100-continue", "upgrade", "h2c", "content-type", "application/json");
        HttpProbeClient.Prepared prepared = client.prepare(probe("POST", headers, "{}"), Map.of());
        assertThat(prepared.dropped()).containsOnlyKeys("Host", "connection", "Content-Length", "expect", "upgrade")
                .allSatisfy((name, reason) -> assertThat(reason).contains("restricted header name"));

        ProbeAnswer answer = client.send(probe("POST", headers, "{}"), Map.of()).join();
        assertThat(answer.ok()).isTrue();
        assertThat(received).containsExactly("POST application/json null {}");
    }

    @Test
    void shouldAnswerAnInvalidRequestWithAFailureInsteadOfThrowing() {
        ProbeAnswer answer = client.send(new HttpProbe("not a url", "GET", Map.of(), null, Duration.ofSeconds(1)),
                Map.of()).join();
        assertThat(answer.ok()).isFalse();
        assertThat(answer.error()).startsWith("invalid probe request");
    }

    @Test
    void shouldMapAContractProbeWithItsBody() {
        var spec = dev.faultline.schemas.avro.ProbeSpec.newBuilder().setProbeId("orders")
                .setKind(dev.faultline.schemas.avro.ProbeKind.HTTP).setTarget("http://x/orders").setMethod(null)
                .setIntervalMillis(500).setTimeoutMillis(0).setBody("{}").build();
        HttpProbe probe = HttpProbe.of(spec);
        assertThat(probe.method()).isEqualTo("GET");
        assertThat(probe.body()).isEqualTo("{}");
        assertThat(probe.headers()).isEmpty();
        assertThat(probe.timeout()).isEqualTo(Duration.ofMillis(1));
    }
}
