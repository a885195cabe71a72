package dev.faultline.analysis;

import static dev.faultline.analysis.fixtures.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.analysis.fixtures.Fixtures;
import dev.faultline.analysis.verdict.VerdictView;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.kit.testing.MetricsScrape;
import dev.faultline.kit.testing.ServiceProperties;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.serde.FaultlineAvroSerializer;
import dev.faultline.schemas.serde.FaultlineSerdeConfig;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * analysis-service's {@code GET /metrics} against the real devstack: Prometheus text with the JVM, HTTP and service
 * meters, and the verdict counter moving when an injection's events flow through the topics.
 */
@ExtendWith(DevStackExtension.class)
class AnalysisMetricsIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String EXP = "exp-metrics-" + RUN;
    private static final UUID INJ = UUID.randomUUID();
    private static final Map<String, String> SERVICE = Map.of("service", "analysis-service");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ApplicationContext context;
    private static KafkaProducer<String, SpecificRecord> producer;

    @BeforeAll
    static void start(DevStack stack) {
        Map<String, Object> props = ServiceProperties.forDevStack(stack, "analysis_metrics_" + RUN);
        props.put("faultline.analysis.group-id", "analysis-metrics-" + RUN);
        context = ApplicationContext.run(EmbeddedServer.class, props).getApplicationContext();
        Map<String, Object> producerProps = stack.kafkaClientProperties(Map.of(FaultlineSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl(), ProducerConfig.ACKS_CONFIG, "all"));
        FaultlineAvroSerializer<SpecificRecord> values = new FaultlineAvroSerializer<>();
        values.configure(producerProps, false);
        producer = new KafkaProducer<>(producerProps, new StringSerializer(), values);
    }

    @AfterAll
    static void stop() {
        producer.close();
        context.close();
    }

    @Test
    void shouldServeJvmHttpAndServiceMetricsInThePrometheusTextFormat() throws Exception {
        get("/health");
        MetricsScrape scrape = MetricsScrape.of(baseUrl());

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.contentType()).startsWith("text/plain").contains("version=0.0.4");
        assertThat(scrape.text()).contains("# TYPE jvm_memory_used_bytes gauge", "# TYPE process_cpu_usage gauge");
        assertThat(scrape.count("jvm_memory_used_bytes", Map.of("area", "heap", "service", "analysis-service")))
                .isPositive();
        assertThat(scrape.count("http_server_requests_seconds_count",
                Map.of("uri", "/health", "method", "GET", "service", "analysis-service"))).isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldCountTheVerdictByOutcomeWhenAnInjectionsEventsFlow() throws Exception {
        MetricsScrape before = MetricsScrape.of(baseUrl());

        List<EvidenceCaptured> evidence = Fixtures.exampleEvidence(EXP, INJ);
        send(Fixtures.drafted(EXP, 1, Fixtures.hypothesis(Fixtures.examplePredictions())));
        send(Fixtures.started(EXP, INJ, 1, T0, Instant.now().plusSeconds(600)));
        evidence.forEach(this::send);
        send(Fixtures.stopped(EXP, INJ, StopReason.COMPLETED, T0, T0.plusSeconds(30), (long) evidence.size()));
        producer.flush();

        String outcome = await().atMost(Duration.ofSeconds(60)).until(this::issuedOutcome, o -> o != null);
        Map<String, String> verdicts = Map.of("outcome", outcome, "service", "analysis-service");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(MetricsScrape.of(baseUrl()).count("faultline_verdicts_total", verdicts))
                        .isEqualTo(before.count("faultline_verdicts_total", verdicts) + 1));
        MetricsScrape after = MetricsScrape.of(baseUrl());
        assertThat(after.text()).contains("# TYPE faultline_verdicts_total counter");
        assertThat(after.count("faultline_verdicts_total", SERVICE))
                .isGreaterThan(before.count("faultline_verdicts_total", SERVICE));
        Map<String, String> evidenceRead = Map.of("topic", Topics.Names.EVIDENCE, "type", "EvidenceCaptured");
        assertThat(after.count("faultline_events_consumed_total", evidenceRead))
                .isGreaterThanOrEqualTo(before.count("faultline_events_consumed_total", evidenceRead) + evidence.size());
        assertThat(after.count("faultline_events_handled_seconds_count", evidenceRead))
                .isGreaterThanOrEqualTo(before.count("faultline_events_handled_seconds_count", evidenceRead) + evidence.size());
        Map<String, String> verdictWritten = Map.of("topic", Topics.Names.VERDICTS, "type", "VerdictIssued");
        assertThat(after.count("faultline_events_published_total", verdictWritten))
                .isGreaterThan(before.count("faultline_events_published_total", verdictWritten));
        assertThat(after.text()).as("consumer lag from micronaut-kafka's client metrics")
                .contains("kafka_consumer_records_lag_max");
        // Kafka measures a client's requests per client and per broker node under one name; both series are exported
        // (Micrometer 1.15's Prometheus registry kept the first set of label names and dropped the other)
        Set<String> perClient = Set.of("client_id", "service");
        Set<String> perNode = Set.of("client_id", "node_id", "service");
        assertThat(after.labelNames("kafka_producer_request_total_requests")).as("the verdicts' producer")
                .contains(perClient, perNode);
        assertThat(after.labelNames("kafka_consumer_request_rate")).as("the evidence's consumer")
                .contains(perClient, perNode);
    }

    /** The outcome of the experiment's verdict once analysis-service serves it, else null. */
    private String issuedOutcome() throws Exception {
        HttpResponse<String> verdict = get("/experiments/" + EXP + "/verdict");
        if (verdict.statusCode() != 200) {
            return null;
        }
        return context.getBean(JsonMapper.class).readValue(verdict.body(), VerdictView.class).outcome();
    }

    private void send(SpecificRecord event) {
        producer.send(new ProducerRecord<>(Topics.forValueType(event.getClass()).name(), EXP, event));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET()
                .header("authorization", "Bearer " + DevStack.shared().issuer().token("erin")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String baseUrl() {
        return "http://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort();
    }
}
