package dev.faultline.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.cli.http.KafkaEndpoint;
import dev.faultline.cli.http.ServiceClient;
import dev.faultline.cli.watch.EventFormatter;
import dev.faultline.cli.watch.EventStream;
import dev.faultline.cli.watch.StreamedEvent;
import dev.faultline.schemas.avro.Actor;
import dev.faultline.schemas.avro.ActorKind;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.ExperimentProposed;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.ProposalReason;
import dev.faultline.schemas.serde.FaultlineAvroSerializer;
import dev.faultline.schemas.topics.TopicProvisioner;
import dev.faultline.schemas.topics.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The local stack without the five services (which other modules provide): the devstack, the real
 * data plane with the pricing route (L4 proxy, then L7 proxy), and the demo system, on free ports — the parts the demo and
 * the end-to-end suite stand on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalStackIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private LocalStack stack;

    @BeforeAll
    void start() {
        stack = LocalStack.start(StackOptions.freePorts().withServices(List.of()), line -> { });
    }

    @AfterAll
    void stop() {
        List<Long> pids = stack.memory().stream().map(ProcessMemory::pid)
                .filter(pid -> pid != ProcessHandle.current().pid()).toList();
        stack.close();
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(
                java.util.Optional.of(true)));
    }

    @Test
    void shouldServeTheStorefrontThroughTheDataPlanesPricingProxy() throws Exception {
        HttpResponse<String> read = get("/products/sku-1");

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"price\":");
        assertThat(stack.memory()).extracting(ProcessMemory::name).contains("kafka", "cassandra",
                "cli + schema registry", "dataplane", "pricing", "storefront", "agent");
        assertThat(stack.memory()).allSatisfy(process -> {
            assertThat(process.rssBytes()).isPresent();
            assertThat(process.pssBytes()).isPresent();
            assertThat(process.pssBytes().getAsLong()).as("%s: its share of what it maps, no more", process.name())
                    .isPositive().isLessThanOrEqualTo(process.rssBytes().getAsLong());
        });
    }

    @Test
    void shouldShowTheResilienceGapUnderARealBlackholeAndRecoverWhenTheLeaseIsReleased() throws Exception {
        get("/products/sku-2");
        ServiceClient dataplane = new ServiceClient("data plane", stack.endpoints().dataplaneUrl());
        dataplane.post("/proxies/pricing/toxics", Map.of("name", "blackhole", "type", "timeout", "stream", "upstream",
                "toxicity", 1.0, "attributes", Map.of("timeout", 0), "lease", Map.of("holder", "it-test", "ttl_ms", 60_000)));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            long started = System.nanoTime();
            HttpResponse<String> read = get("/products/sku-2");
            assertThat(read.headers().firstValue("X-Cache")).contains("stale");
            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(1_100);
        });
        HttpResponse<String> order = post("/orders", "{\"productId\":\"sku-2\",\"quantity\":1}");
        assertThat(order.statusCode()).isEqualTo(503);
        assertThat(order.headers().firstValue("Retry-After")).contains("5");

        dataplane.delete("/leases/it-test");
        assertThat(new DataPlaneAdmin(stack.endpoints().dataplaneUrl()).toxics("pricing")).isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(get("/products/sku-2").headers().firstValue("X-Cache")).hasValueSatisfying(
                        cache -> assertThat(cache).isIn("hit", "miss")));
    }

    /** The demo's route: storefront → L4 `pricing` → L7 `pricing-http` → pricing; an L7 rule acts on the storefront's calls. */
    @Test
    void shouldRouteTheStorefrontsPricingCallsThroughTheL7ProxyBehindTheL4One() throws Exception {
        ServiceClient dataplane = new ServiceClient("data plane", stack.endpoints().dataplaneUrl());
        dataplane.post("/http-proxies/pricing-http/rules", Map.of("name", "down", "type", "respond",
                "attributes", Map.of("status", 503), "lease", Map.of("holder", "it-l7", "ttl_ms", 60_000)));
        try {
            HttpResponse<String> order = post("/orders", "{\"productId\":\"sku-3\",\"quantity\":1}");
            assertThat(order.statusCode()).isEqualTo(503);
            assertThat(order.body()).contains("pricing answered 503");
            assertThat(new DataPlaneAdmin(stack.endpoints().dataplaneUrl()).rules("pricing-http").get(0)
                    .at("/stats/applied").asLong()).isPositive();
        } finally {
            dataplane.delete("/leases/it-l7");
        }
        assertThat(new DataPlaneAdmin(stack.endpoints().dataplaneUrl()).rules("pricing-http")).isEmpty();
        assertThat(post("/orders", "{\"productId\":\"sku-3\",\"quantity\":1}").statusCode()).isEqualTo(201);
    }

    @Test
    void shouldStartPricingAgainWhenItsJvmIsKilledAndRunTheHostAgent() throws Exception {
        ProcessHandle supervisor = ProcessHandle.of(stack.memory().stream().filter(p -> p.name().equals("pricing")).findFirst()
                .orElseThrow().pid()).orElseThrow();
        ProcessHandle jvm = supervisor.children().findFirst().orElseThrow();
        jvm.destroyForcibly();

        await().atMost(Duration.ofSeconds(30)).until(() -> supervisor.children().anyMatch(p -> !p.equals(jvm))
                && answers(stack.endpoints().pricingUrl() + "/prices/sku-1"));
        assertThat(supervisor.isAlive()).isTrue();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(stack.endpoints().agentUrl() + "/health"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"faults\":0");
        assertThat(Files.isDirectory(stack.agentFillDirectory())).isTrue();
    }

    private boolean answers(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void shouldKillAndRestartAProcess() throws Exception {
        stack.kill("pricing");
        assertThat(stack.isAlive("pricing")).isFalse();

        stack.restart("pricing");

        assertThat(stack.isAlive("pricing")).isTrue();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(stack.endpoints().pricingUrl() + "/prices/sku-1")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldFollowAnExperimentsEventsOffKafka() throws Exception {
        String bootstrap = stack.endpoints().kafkaBootstrapServers();
        KafkaEndpoint kafka = stack.endpoints().services().kafkaEndpoint();
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).createMissing((short) 1);
        }
        String id = "exp-it-" + UUID.randomUUID().toString().substring(0, 8);
        ExperimentProposed proposed = ExperimentProposed.newBuilder()
                .setHeader(EventHeader.newBuilder().setEventId(UUID.randomUUID()).setExperimentId(id)
                        .setOccurredAt(Instant.parse("2026-01-01T10:00:00Z"))
                        .setActor(Actor.newBuilder().setKind(ActorKind.PERSON).setId("it-user").setDisplayName(null).build())
                        .setCausationId(null).setTraceparent(null).setTracestate(null).build())
                .setService("storefront").setFaultType(FaultType.NETWORK_BLACKHOLE).setDependency("pricing")
                .setEnvironment(Environment.STAGING).setReason(ProposalReason.ROUTINE).setMotivation("pricing drill")
                .setIncidentId(null).setRequestedDurationMillis(15_000L).setLabels(Map.of()).build();
        FaultlineAvroSerializer<ExperimentProposed> serializer = new FaultlineAvroSerializer<>();
        serializer.configure(kafka.clientProperties(), false);
        try (KafkaProducer<String, ExperimentProposed> producer = new KafkaProducer<>(
                kafka.clientProperties(), new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(Topics.PROPOSALS.name(), id, proposed)).get();
        }

        List<String> lines = new ArrayList<>();
        EventFormatter formatter = new EventFormatter();
        try (EventStream stream = new EventStream(kafka)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (StreamedEvent event : stream.poll(Duration.ofMillis(500))) {
                    if (id.equals(event.experimentId())) {
                        lines.addAll(formatter.lines(event));
                    }
                }
                return !lines.isEmpty();
            });
        }
        assertThat(lines).containsExactly("10:00:00.000  proposed    storefront NETWORK_BLACKHOLE -> pricing in STAGING "
                + "by it-user: pricing drill");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stack.endpoints().storefrontUrl() + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stack.endpoints().storefrontUrl() + path))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
