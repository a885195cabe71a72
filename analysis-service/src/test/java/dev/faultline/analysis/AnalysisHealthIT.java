package dev.faultline.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.cassandra.CassandraNode;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.kit.testing.ServiceProperties;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health} of analysis-service against real dependencies: 200 with Kafka and Cassandra up, 503 within
 * seconds once its Cassandra stops. The Cassandra node is this test's own (the shared one stays up for the other
 * tests of the JVM); the service's event intake is off, so nothing it consumes meets the stopped node.
 */
@ExtendWith(DevStackExtension.class)
class AnalysisHealthIT {

    private static final Logger LOG = LoggerFactory.getLogger(AnalysisHealthIT.class);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Duration PROMPT = Duration.ofSeconds(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private static CassandraNode cassandra;
    private static ApplicationContext context;

    @BeforeAll
    static void start(DevStack stack) {
        cassandra = CassandraNode.start(stack.workDir().resolve("cassandra-health-" + RUN));
        Map<String, Object> props = ServiceProperties.forDevStack(stack, "analysis_health_" + RUN);
        props.put("faultline.cassandra.contact-point", cassandra.address());
        props.put("faultline.cassandra.datacenter", cassandra.localDatacenter());
        props.put("faultline.analysis.enabled", false);
        context = ApplicationContext.run(EmbeddedServer.class, props).getApplicationContext();
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        if (cassandra != null) {
            cassandra.close();
        }
    }

    @Test
    void shouldAnswer503NamingCassandraWithinSecondsOnceItStops() throws Exception {
        HttpResponse<String> up = health();
        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        assertThat(up.body()).contains("\"status\":\"UP\"",
                "\"cassandra\":{\"name\":\"analysis-service\",\"status\":\"UP\"",
                "\"kafka\":{\"name\":\"analysis-service\",\"status\":\"UP\"", "\"releaseVersion\":\"5.0");

        cassandra.close();
        long stopped = System.nanoTime();

        HttpResponse<String> down = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(AnalysisHealthIT::promptHealth, response -> response.statusCode() == 503);
        LOG.info("/health answered 503 {} ms after Cassandra stopped: {}", (System.nanoTime() - stopped) / 1_000_000,
                down.body());
        assertThat(down.body()).contains("\"status\":\"DOWN\"",
                "\"cassandra\":{\"name\":\"analysis-service\",\"status\":\"DOWN\"",
                "\"kafka\":{\"name\":\"analysis-service\",\"status\":\"UP\"");
        // still DOWN (and still prompt) after the cached answer has expired and the driver has tried again
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).pollInterval(Duration.ofMillis(500))
                .until(() -> promptHealth().statusCode() == 503);
    }

    /** {@code GET /health}, failing the test if the answer takes longer than {@link #PROMPT}. */
    private static HttpResponse<String> promptHealth() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = health();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("time to answer /health").isLessThan(PROMPT);
        return response;
    }

    private static HttpResponse<String> health() throws Exception {
        int port = context.getBean(EmbeddedServer.class).getPort();
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
