package dev.faultline.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.catalog.behaviour.BehaviourView;
import dev.faultline.catalog.behaviour.Gap;
import dev.faultline.catalog.experiment.ExperimentResponse;
import dev.faultline.catalog.streams.TestDeclarations;
import dev.faultline.catalog.streams.TestEvents;
import dev.faultline.catalog.streams.TestVerdicts;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.schemas.avro.CatalogChange;
import dev.faultline.schemas.avro.DeadLetter;
import dev.faultline.schemas.avro.KnownBehaviourUpdated;
import dev.faultline.schemas.avro.PredictionOutcome;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.avro.VerdictOutcome;
import dev.faultline.schemas.serde.FaultlineSerdes;
import dev.faultline.schemas.topics.Topics;
import dev.faultline.kit.testing.ServiceProperties;
import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DevStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static DevStack stack;
    private static String applicationId;
    private static String stateDir;
    private static ApplicationContext context;
    private static String baseUrl;
    private static JsonMapper json;
    private static String experimentId;

    @BeforeAll
    static void start(DevStack devStack) throws Exception {
        stack = devStack;
        applicationId = "catalog-it-" + UUID.randomUUID();
        stateDir = Files.createTempDirectory("catalog-it-state").toString();
        startService();
    }

    private static void startService() {
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, ServiceProperties.withKafkaLogin(stack, Map.of(
                "micronaut.server.port", -1,
                "faultline.kafka.bootstrap-servers", stack.kafkaBootstrapServers(),
                "faultline.kafka.schema-registry-url", stack.schemaRegistryUrl(),
                "faultline.catalog.application-id", applicationId,
                "faultline.catalog.state-dir", stateDir,
                "faultline.catalog.stale-check-every", "500ms",
                "faultline.security.jwks-url", stack.issuer().jwksUrl(),
                "faultline.security.issuer", stack.issuer().url())));
        context = server.getApplicationContext();
        baseUrl = "http://127.0.0.1:" + server.getPort();
        json = context.getBean(JsonMapper.class);
        KafkaStreams streams = context.getBean(KafkaStreams.class);
        await().atMost(WAIT).until(() -> streams.state() == KafkaStreams.State.RUNNING);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void shouldPublishKnownBehaviourAndAnswerQueriesForAnExperimentsEvents() throws Exception {
        String id = "exp-it-" + UUID.randomUUID();
        experimentId = id;
        UUID injection = UUID.randomUUID();
        Instant t0 = Instant.now().minusSeconds(60);
        EventPublisher publisher = context.getBean(EventPublisher.class);
        List<SpecificRecord> events = List.of(TestEvents.proposed(id, t0), TestEvents.drafted(id, 1, t0.plusSeconds(1)),
                TestEvents.approved(id, 1, t0.plusSeconds(2)), TestEvents.passed(id, t0.plusSeconds(3)),
                TestEvents.started(id, injection, t0.plusSeconds(4)), TestEvents.evidence(id, injection, 0, 3, t0.plusSeconds(5)),
                TestEvents.stopped(id, injection, StopReason.COMPLETED, t0.plusSeconds(35)));
        events.forEach(publisher::publish);
        VerdictIssued verdict = TestVerdicts.verdict(id, VerdictOutcome.PARTIALLY_HELD, t0.plusSeconds(40),
                TestVerdicts.readsServed(PredictionOutcome.HELD, 1.0), TestVerdicts.readsP99(PredictionOutcome.NOT_HELD, 1210));
        publisher.publish(verdict);

        KnownBehaviourUpdated entry = readUntil(Topics.CATALOG.name(), KnownBehaviourUpdated.class,
                r -> r.value().getHeader().getExperimentId().equals(id)).value();
        assertThat(entry.getBehaviourKey()).isEqualTo("storefront|NETWORK_BLACKHOLE");
        assertThat(entry.getExperimentIds()).contains(id);
        assertThat(entry.getHeader().getCausationId()).isEqualTo(verdict.getHeader().getEventId());

        BehaviourView view = get("/catalog/storefront/NETWORK_BLACKHOLE", 200, BehaviourView.class);
        assertThat(view.experimentIds()).contains(id);
        assertThat(view.dimensions()).extracting(BehaviourView.Dimension::dimension).contains("reads-served", "reads-p99");
        assertThat(get("/catalog", 200, Argument.listOf(BehaviourView.class))).extracting(BehaviourView::behaviourKey)
                .contains("storefront|NETWORK_BLACKHOLE");
        assertThat(get("/catalog/storefront/NETWORK_LATENCY", 404, Map.class).get("error").toString())
                .contains("never been tested");

        await().atMost(WAIT).untilAsserted(() -> assertThat(get("/experiments/" + id, 200, ExperimentResponse.class).status())
                .isEqualTo("COMPLETED"));
        ExperimentResponse experiment = get("/experiments/" + id, 200, ExperimentResponse.class);
        assertThat(experiment.verdict()).isEqualTo("PARTIALLY_HELD");
        assertThat(experiment.evidence().samples()).isEqualTo(3);
        assertThat(experiment.timeline()).extracting(ExperimentResponse.Entry::type).containsExactly("ExperimentProposed",
                "HypothesisDrafted", "PlanApproved", "PreflightPassed", "InjectionStarted", "InjectionStopped", "VerdictIssued");
        assertThat(get("/experiments", 200, Argument.listOf(ExperimentResponse.class)))
                .extracting(ExperimentResponse::experimentId).contains(id);
        get("/experiments/exp-never-seen", 404, Map.class);
    }

    @Test
    void shouldListGapsMarkAnEntryStaleOnADeploymentAndWriteTheDocument() throws Exception {
        String service = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        EventPublisher publisher = context.getBean(EventPublisher.class);
        String targets = TestDeclarations.TARGETS.replace("storefront:", service + ":");
        for (TargetDeclared target : TestDeclarations.targets(targets)) {
            publisher.publish(TestDeclarations.key(target), target);
        }
        String id = "exp-gaps-" + UUID.randomUUID();
        Instant tested = Instant.now().minusSeconds(60);
        VerdictIssued verdict = TestVerdicts.verdict(id, VerdictOutcome.PARTIALLY_HELD, tested,
                TestVerdicts.readsServed(PredictionOutcome.HELD, 1.0), TestVerdicts.readsP99(PredictionOutcome.NOT_HELD, 1210));
        verdict.setService(service);
        publisher.publish(verdict);
        await().atMost(WAIT).untilAsserted(() -> assertThat(get("/catalog/gaps", 200, Argument.listOf(Gap.class)))
                .filteredOn(gap -> gap.service().equals(service)).extracting(Gap::faultType)
                .contains("NETWORK_LATENCY", "HTTP_ERROR_STATUS").doesNotContain("NETWORK_BLACKHOLE", "CPU_EXHAUSTION"));

        Instant deployed = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS); // timestamp-millis on the topic
        publisher.publish("deploy-" + service, TestDeclarations.deployment("deploy-" + service, deployed, false, service));

        KnownBehaviourUpdated stale = readUntil(Topics.CATALOG.name(), KnownBehaviourUpdated.class,
                r -> r.value().getService().equals(service) && r.value().getStale()).value();
        assertThat(stale.getChange()).isEqualTo(CatalogChange.STALE);
        assertThat(stale.getStaleReason()).startsWith(service + " deployed at " + deployed + " (PRODUCTION, 'release 42')");
        await().atMost(WAIT).untilAsserted(() -> assertThat(get("/catalog/" + service + "/NETWORK_BLACKHOLE", 200,
                BehaviourView.class).staleReason()).isEqualTo(stale.getStaleReason()));
        assertThat(get("/catalog/gaps", 200, Argument.listOf(Gap.class))).filteredOn(Gap::stale)
                .extracting(Gap::service, Gap::reason).contains(Tuple.tuple(service, stale.getStaleReason()));

        HttpResponse<String> document = getResponse("/catalog/document");
        assertThat(document.statusCode()).as(document.body()).isEqualTo(200);
        assertThat(document.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/markdown"));
        assertThat(document.body()).startsWith("# How the system behaves under failure")
                .contains("## " + service + "\n\n### Under NETWORK_BLACKHOLE\n")
                .contains("**Stale:** " + stale.getStaleReason())
                .contains("- **reads-p99** (P99_LATENCY): observed 1210 ms against the prediction < 800 ms — did not hold"
                        + " last time; held 0×, not held 1×. Evidence: `" + id + "` (PARTIALLY_HELD in STAGING")
                .contains("- NETWORK_LATENCY — propose it: `faultline catalog propose-gap " + service + " NETWORK_LATENCY`");
    }

    @Test
    void shouldDeadLetterGarbageOnVerdictsAndKeepProcessing() throws Exception {
        String garbageKey = "exp-garbage-" + UUID.randomUUID();
        byte[] garbage = "this is not avro".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(stack.kafkaClientProperties(),
                new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.VERDICTS.name(), garbageKey, garbage)).get();
        }
        String id = "exp-after-garbage-" + UUID.randomUUID();
        VerdictIssued verdict = TestVerdicts.verdict(id, VerdictOutcome.ABORTED, Instant.now());
        verdict.setService("checkout");
        context.getBean(EventPublisher.class).publish(verdict);

        DeadLetter letter = readUntil(Topics.DEAD_LETTERS.name(), DeadLetter.class,
                r -> r.value().getHeader().getExperimentId().equals(garbageKey)).value();
        assertThat(letter.getSourceTopic()).isEqualTo(Topics.VERDICTS.name());
        assertThat(letter.getService()).isEqualTo("catalog-service");
        assertThat(letter.getValue().array()).isEqualTo(garbage);
        KnownBehaviourUpdated entry = readUntil(Topics.CATALOG.name(), KnownBehaviourUpdated.class,
                r -> r.value().getHeader().getExperimentId().equals(id)).value();
        assertThat(entry.getBehaviourKey()).isEqualTo("checkout|NETWORK_BLACKHOLE");
        assertThat(entry.getDimensions()).isEmpty();
        assertThat(getRaw("/catalog/checkout/NETWORK_BLACKHOLE")).contains("\"dimensions\":[]", "\"change\":\"ADDED\"")
                .doesNotContain("null");
    }

    @Test
    void shouldRunTheDefaultStreamsAppWithTheCatalogsSettings() {
        Properties streams = context.getBean(ConfiguredStreamBuilder.class).getConfiguration();
        assertThat(streams).containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, applicationId)
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, stateDir)
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers())
                .containsEntry("schema.registry.url", stack.schemaRegistryUrl())
                .containsEntry("uncaught-exception-handler", "REPLACE_THREAD");
        assertThat(context.getBean(ConfiguredStreamBuilder.class).getName()).isEqualTo("default");
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void shouldAnswerIdenticallyAfterItsStateIsDeletedAndTheServiceRestarts() throws Exception {
        List<String> paths = List.of("/catalog", "/catalog/storefront/NETWORK_BLACKHOLE", "/catalog/gaps",
                "/experiments/" + experimentId);
        Map<String, String> before = new LinkedHashMap<>();
        for (String path : paths) {
            before.put(path, getRaw(path));
        }
        assertThat(before.get(paths.get(3))).contains("PARTIALLY_HELD");
        context.close();
        try (Stream<Path> files = Files.walk(Path.of(stateDir))) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
        assertThat(Path.of(stateDir)).doesNotExist();

        startService();

        await().atMost(WAIT).untilAsserted(() -> {
            for (String path : paths) {
                assertThat(getRaw(path)).as(path + " after the rebuild").isEqualTo(before.get(path));
            }
        });
    }

    /** Last: it stops the Streams app the other tests query. */
    @Test
    @Order(Integer.MAX_VALUE)
    void shouldAnswer503OnHealthOnceTheStreamsAppHasStopped() throws Exception {
        HttpResponse<String> running = getResponse("/health");
        assertThat(running.statusCode()).as(running.body()).isEqualTo(200);
        assertThat(json.readValue(running.body(), Map.class).get("details").toString()).contains("kafkaStreams");

        context.getBean(KafkaStreams.class).close(Duration.ofSeconds(10));

        HttpResponse<String> stopped = getResponse("/health");
        assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(503);
        Map<?, ?> details = (Map<?, ?>) json.readValue(stopped.body(), Map.class).get("details");
        assertThat(((Map<?, ?>) details.get("kafkaStreams")).get("status")).isEqualTo("DOWN");
        assertThat(((Map<?, ?>) details.get("kafka")).get("status")).isEqualTo("UP");
        assertThat(getResponse("/catalog").statusCode()).isEqualTo(503);
    }

    private static HttpResponse<String> getResponse(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().header("authorization", "Bearer " + stack.issuer().token("erin")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String getRaw(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().header("authorization", "Bearer " + stack.issuer().token("erin")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static <T extends SpecificRecord> ConsumerRecord<String, T> readUntil(String topic, Class<T> type,
                                                                                  java.util.function.Predicate<ConsumerRecord<String, T>> match) {
        Map<String, Object> props = stack.kafkaClientProperties(Map.of(ConsumerConfig.GROUP_ID_CONFIG, "catalog-it-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        Deserializer<T> values = FaultlineSerdes.specific(type, Map.of("schema.registry.url", stack.schemaRegistryUrl()))
                .deserializer();
        List<ConsumerRecord<String, T>> found = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (match.test(r)) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }

    private static <T> T get(String path, int status, Class<T> type) throws Exception {
        return get(path, status, Argument.of(type));
    }

    private static <T> T get(String path, int status, Argument<T> type) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()
                .header("authorization", "Bearer " + stack.issuer().token("erin")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("GET %s: %s", path, new String(response.body())).isEqualTo(status);
        return json.readValue(response.body(), type);
    }
}
