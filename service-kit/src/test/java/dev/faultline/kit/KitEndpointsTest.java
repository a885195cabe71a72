package dev.faultline.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.devstack.issuer.IssuerUsers;
import dev.faultline.devstack.issuer.LocalIssuer;
import dev.faultline.devstack.support.RefusedPort;
import dev.faultline.kit.security.AcceptedTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.logging.LoggingMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.validator.TokenValidator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What every service gets from the kit, in a context of the kit alone whose Kafka is unreachable: {@code /metrics} in
 * the Prometheus format with the service tag, {@code /health} answering 503 with the broken dependency named — both
 * without a token —, every other path behind a bearer JWT of the trusted issuer (an accepted token remembered, but
 * refused once expired), and the kit's defaults below
 * anything a service configures.
 */
class KitEndpointsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static EmbeddedServer server;
    private static LocalIssuer issuer;
    private static RefusedPort kafka;

    @BeforeAll
    static void start() throws Exception {
        kafka = RefusedPort.open();
        issuer = LocalIssuer.start(IssuerUsers.bundled(), 0);
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "micronaut.application.name", "kit-test",
                "faultline.kafka.bootstrap-servers", kafka.address(),
                "faultline.health.timeout", "500ms",
                "faultline.security.jwks-url", issuer.jwksUrl(),
                "faultline.security.issuer", issuer.url()));
    }

    @AfterAll
    static void stop() {
        server.close();
        issuer.close();
        kafka.close();
    }

    @Test
    void shouldServePrometheusTextAtMetricsWithTheServiceTag() throws Exception {
        get("/health");
        HttpResponse<String> metrics = get("/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
        assertThat(metrics.body()).contains("# TYPE jvm_memory_used_bytes gauge",
                "jvm_memory_used_bytes{area=\"heap\"", "service=\"kit-test\"",
                "http_server_requests_seconds_count{", "uri=\"/health\"");
    }

    @Test
    void shouldAnswer503PromptlyNamingKafkaWhenItIsUnreachable() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> health = get("/health");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(health.statusCode()).isEqualTo(503);
        // whether the admin client's own timeout or the indicator's deadline fires first, kafka is DOWN with an error
        assertThat(health.body()).contains("\"status\":\"DOWN\"", "\"kafka\":{\"name\":\"kit-test\",\"status\":\"DOWN\"",
                "\"bootstrapServers\":\"127.0.0.1:", "\"error\":").doesNotContain("\"cassandra\"");
    }

    @Test
    void shouldLeaveOnlyMetricsAsTheScrapePath() throws Exception {
        assertThat(get("/prometheus", issuer.token("erin")).statusCode()).isEqualTo(404);
        assertThat(get("/prometheus").statusCode()).as("any path but /health and /metrics wants a token").isEqualTo(401);
    }

    @Test
    void shouldPublishMetricsToPrometheusAloneNotToTheLog() {
        assertThat(server.getApplicationContext().getBeansOfType(MeterRegistry.class))
                .as("micrometer's logging registry wrote every meter to the log each minute")
                .noneMatch(registry -> registry instanceof LoggingMeterRegistry)
                .anyMatch(registry -> registry instanceof PrometheusMeterRegistry);
    }

    @Test
    void shouldRefuseATokenOnceExpiredThoughItWasAcceptedWhileValid() throws Exception {
        assertThat(server.getApplicationContext().getBeansOfType(TokenValidator.class)).as("the validator remembers")
                .singleElement().satisfies(v -> assertThat(v.getClass().getEnclosingClass()).isEqualTo(AcceptedTokens.class));
        String token = issuer.mint("erin", List.of(), Duration.ofSeconds(2));
        assertThat(get("/prometheus", token).statusCode()).as("accepted (no such path)").isEqualTo(404);
        assertThat(get("/prometheus", token).statusCode()).as("accepted again, from memory").isEqualTo(404);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> expired = get("/prometheus", token);
            assertThat(expired.statusCode()).isEqualTo(401);
            assertThat(expired.body()).contains("the bearer token expired at");
        });
        assertThat(get("/prometheus", issuer.foreignToken("erin", List.of())).statusCode()).as("not our issuer's key")
                .isEqualTo(401);
    }

    @Test
    void shouldLetAServiceOverrideTheKitDefaults() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("endpoints.prometheus.enabled", true))) {
            assertThat(context.getProperty("endpoints.prometheus.enabled", Boolean.class)).contains(true);
            assertThat(context.getProperty("endpoints.health.details-visible", String.class)).contains("ANONYMOUS");
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
