package dev.faultline.cli.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.faultline.devstack.support.FreePorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceClientTest {

    private HttpServer server;
    private ServiceClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/proposals", exchange -> {
            byte[] request = exchange.getRequestBody().readAllBytes();
            boolean vague = new String(request, StandardCharsets.UTF_8).contains("\"motivation\":\"test\"");
            byte[] body = (vague
                    ? "{\"status\":422,\"error\":\"the proposal cannot be drafted\",\"reasons\":[\"motivation is too vague\",\"no template for x\"]}"
                    : "{\"experimentId\":\"exp-1\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(vague ? 422 : 202, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/halts", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            boolean signedIn = "Bearer a.b.c".equals(authorization);
            byte[] body = (signedIn ? "[]" : "{\"status\":401,\"error\":\"no bearer token\",\"reasons\":[]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(signedIn ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        client = new ServiceClient("hypothesis-service", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldReturnTheJsonAnswer() {
        assertThat(client.post("/proposals", Map.of("motivation", "real")).path("experimentId").asText()).isEqualTo("exp-1");
    }

    @Test
    void shouldCarryTheServicesErrorAndReasons() {
        assertThatThrownBy(() -> client.post("/proposals", Map.of("motivation", "test")))
                .isInstanceOfSatisfying(ServiceCallException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.reasons()).containsExactly("motivation is too vague", "no template for x");
                    assertThat(e.describe()).isEqualTo("hypothesis-service answered 422 to POST /proposals: the proposal "
                            + "cannot be drafted" + System.lineSeparator() + "  - motivation is too vague"
                            + System.lineSeparator() + "  - no template for x");
                });
    }

    @Test
    void shouldSayWhichServiceIsNotReachableAndHow() {
        ServiceClient nowhere = new ServiceClient("safety-service", "http://127.0.0.1:" + FreePorts.next());

        assertThatThrownBy(() -> nowhere.get("/halts")).isInstanceOfSatisfying(ServiceCallException.class, e -> {
            assertThat(e.status()).isZero();
            assertThat(e.getMessage()).startsWith("safety-service is not reachable at http://127.0.0.1:")
                    .contains("connection refused", "--safety-url");
        });
    }

    @Test
    void shouldSendItsBearerTokenAndSayHowToSignInOn401() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort();

        assertThat(new ServiceClient("safety-service", url, "a.b.c").get("/halts").isArray()).isTrue();
        assertThatThrownBy(() -> new ServiceClient("safety-service", url, null).get("/halts"))
                .isInstanceOfSatisfying(ServiceCallException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).isEqualTo("safety-service answered 401 to GET /halts: no bearer token; "
                            + "run `faultline login --user NAME` (or set FAULTLINE_TOKEN)");
                });
    }

    @Test
    void shouldAnswerANonJsonErrorWithItsText() {
        assertThatThrownBy(() -> client.get("/nowhere")).isInstanceOfSatisfying(ServiceCallException.class,
                e -> assertThat(e.status()).isEqualTo(404));
    }
}
