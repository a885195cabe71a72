package dev.faultline.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.faultline.devstack.DevStack;
import dev.faultline.console.live.LiveEvent;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.devstack.support.RefusedPort;
import dev.faultline.evaluation.testing.EvaluationFixtures;
import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.kit.events.TopicBootstrap;
import dev.faultline.kit.testing.ServiceProperties;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.ProbeSample;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.context.ApplicationContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * console-service against the devstack's real Kafka (as the read-only auditor), registry and token issuer: the live
 * feed read off the topics and sent as server-sent events, and the API gateway's forwarding — to a recording HTTP
 * server standing in for the services (the gateway's own behaviour: what it sends on and what it relays; the pages
 * against the real services are the end-to-end suite's browser test).
 */
@ExtendWith(DevStackExtension.class)
class ConsoleServiceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static DevStack stack;
    private static ApplicationContext console;
    private static EventPublisher publisher;
    private static KafkaSettings kafka;
    private static HttpServer upstream;
    /** Where the catalog-service would be: down. */
    private static RefusedPort catalog;
    private static final BlockingQueue<String> forwarded = new LinkedBlockingQueue<>();
    private static String baseUrl;
    private static String token;

    @BeforeAll
    static void start(DevStack devStack) throws IOException {
        stack = devStack;
        kafka = ServiceProperties.kafkaSettings(stack, "console-it");
        new TopicBootstrap(kafka).ensureCreated();
        publisher = EventPublisher.standalone(kafka);
        upstream = recordingUpstream();
        String upstreamUrl = "http://127.0.0.1:" + upstream.getAddress().getPort();
        catalog = RefusedPort.open();
        console = TestConsole.start(stack, Map.of("analysis", upstreamUrl, "safety", upstreamUrl,
                "catalog", "http://" + catalog.address()));
        baseUrl = TestConsole.url(console);
        token = stack.issuer().token("dave");
    }

    @AfterAll
    static void stop() {
        if (console != null) {
            console.close();
        }
        if (publisher != null) {
            publisher.close();
        }
        if (upstream != null) {
            upstream.stop(0);
        }
        if (catalog != null) {
            catalog.close();
        }
    }

    @Test
    void shouldStreamARunFromTheTopicsAsItHappens() throws Exception {
        String experiment = "exp-console-live-" + UUID.randomUUID();
        UUID injection = UUID.randomUUID();
        Instant now = Instant.now();
        try (EventLines live = EventLines.open(baseUrl + "/api/live?experiment=" + experiment, token)) {
            publisher.publish(EvaluationFixtures.started(experiment, injection, 1, now, now.plusSeconds(30)));
            publisher.publish(EvaluationFixtures.batch(experiment, injection, 0, ExperimentPhase.DURING,
                    samples(now, 3)));
            publisher.publish(EvaluationFixtures.batch(experiment, injection, 1, ExperimentPhase.DURING,
                    samples(now.plusSeconds(1), 2)));
            publisher.publish(EvaluationFixtures.stopped(experiment, injection, StopReason.HALTED, now,
                    now.plusSeconds(2), 2L));

            JsonNode started = live.next("injection");
            assertThat(started.path("state").asText()).isEqualTo("STARTED");
            assertThat(started.path("injectionId").asText()).isEqualTo(injection.toString());
            JsonNode first = live.next("evidence");
            assertThat(first.path("sequence").asLong()).isZero();
            assertThat(first.path("phase").asText()).isEqualTo("DURING");
            assertThat(first.path("samples")).hasSize(3);
            assertThat(first.path("samples").get(0).path("probeId").asText()).isEqualTo("reads");
            assertThat(first.path("samples").get(0).path("at").asLong()).isEqualTo(now.toEpochMilli());
            assertThat(live.next("evidence").path("samples")).hasSize(2);
            JsonNode stopped = live.next("injection");
            assertThat(stopped.path("state").asText()).isEqualTo("STOPPED");
            assertThat(stopped.path("detail").asText()).startsWith("HALTED");
        }

        // a console page opened later gets the run so far first
        try (EventLines late = EventLines.open(baseUrl + "/api/live?experiment=" + experiment, token)) {
            assertThat(late.next("injection").path("state").asText()).isEqualTo("STARTED");
            assertThat(late.next("evidence").path("sequence").asLong()).isZero();
        }
    }

    @Test
    void shouldSkipAnUndecodableRecordAndGoOn() throws Exception {
        String experiment = "exp-console-garbage-" + UUID.randomUUID();
        UUID injection = UUID.randomUUID();
        try (EventLines live = EventLines.open(baseUrl + "/api/live?experiment=" + experiment, token);
             KafkaProducer<String, byte[]> raw = new KafkaProducer<>(kafka.clientProperties(), new StringSerializer(),
                     new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.Names.EVIDENCE, experiment, "not avro".getBytes(StandardCharsets.UTF_8)))
                    .get(10, TimeUnit.SECONDS);
            publisher.publish(EvaluationFixtures.started(experiment, injection, 1, Instant.now(),
                    Instant.now().plusSeconds(30)));

            assertThat(live.next("injection").path("state").asText()).isEqualTo("STARTED");
        }
    }

    @Test
    void shouldServeThePageToAnyoneAndTheDataOnlyWithAToken() throws Exception {
        HttpResponse<String> page = get("/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Faultline console</title>");
        assertThat(get("/console.js", null).statusCode()).isEqualTo(200);
        assertThat(get("/assets/uplot/uPlot.iife.min.js", null).statusCode()).isEqualTo(200);
        assertThat(get("/assets/faultline-web/charts.js", null).body()).contains("FaultlineCharts");

        assertThat(get("/api/live", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/experiments/exp-1/verdict", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/experiments/exp-1/verdict", "not-a-jwt").statusCode()).isEqualTo(401);
    }

    @Test
    void shouldForwardWithTheCallersTokenAndRelayTheServicesAnswer() throws Exception {
        forwarded.clear();
        HttpResponse<String> verdict = get("/api/experiments/exp-9/verdict?format=full", token);
        assertThat(verdict.statusCode()).isEqualTo(200);
        assertThat(verdict.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(JSON.readTree(verdict.body()).path("outcome").asText()).isEqualTo("HELD");
        assertThat(forwarded.poll(5, TimeUnit.SECONDS)).isEqualTo("GET /experiments/exp-9/verdict?format=full Bearer " + token);

        HttpResponse<String> halt = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/halts"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"scope\":\"EXPERIMENT\",\"experimentId\":\"exp-9\"}")));
        assertThat(halt.statusCode()).as("the service's own refusal comes back unchanged: %s", halt.body()).isEqualTo(403);
        assertThat(halt.body()).contains("halting needs the role operator");
        assertThat(forwarded.poll(5, TimeUnit.SECONDS))
                .isEqualTo("POST /halts {\"scope\":\"EXPERIMENT\",\"experimentId\":\"exp-9\"} Bearer " + token);
    }

    @Test
    void shouldSayWhatItDoesNotForwardAndWhichServiceDidNotAnswer() throws Exception {
        HttpResponse<String> unknown = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/proposals"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("the console does not forward POST /api/proposals", "POST /api/halts");

        HttpResponse<String> down = get("/api/catalog", token);
        assertThat(down.statusCode()).isEqualTo(502);
        assertThat(down.body()).contains("catalog-service did not answer GET /catalog");
    }

    private static List<ProbeSample> samples(Instant from, int count) {
        return IntStream.range(0, count).mapToObj(i -> EvaluationFixtures.sample("reads", from.plusMillis(200L * i),
                40 + i, 200, true)).toList();
    }

    private static HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Stands in for analysis-service and safety-service: records each request's method, path, body and Authorization
     * header, answers a verdict for GET and, for POST, the 403 a service gives a caller without the role.
     */
    private static HttpServer recordingUpstream() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            forwarded.add(exchange.getRequestMethod() + " " + exchange.getRequestURI()
                    + (body.isEmpty() ? "" : " " + body) + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            boolean get = exchange.getRequestMethod().equals("GET");
            byte[] answer = (get ? "{\"outcome\":\"HELD\"}"
                    : "{\"status\":403,\"error\":\"halting needs the role operator\",\"reasons\":[]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(get ? 200 : 403, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** A server-sent event stream read line by line on a thread of its own; {@link #next} waits for an event. */
    private static final class EventLines implements AutoCloseable {
        private final BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
        private final InputStream body;

        private EventLines(InputStream body) {
            this.body = body;
            Thread reader = new Thread(this::read, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static EventLines open(String url, String bearer) throws Exception {
            HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + bearer).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            return new EventLines(response.body());
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String name = null;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        events.add(new String[] {name, line.substring(5)});
                    }
                }
            } catch (IOException e) {
                // closed by the test
            }
        }

        /** The next event named {@code name}, skipping heartbeats; fails after {@link #WAIT}. */
        JsonNode next(String name) throws Exception {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                String[] event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event != null && name.equals(event[0])) {
                    return JSON.readTree(event[1]);
                }
                if (event != null && !LiveEvent.HEARTBEAT.equals(event[0])) {
                    throw new AssertionError("expected a " + name + " event, got " + event[0] + ": " + event[1]);
                }
            }
            throw new AssertionError("no " + name + " event within " + WAIT);
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
