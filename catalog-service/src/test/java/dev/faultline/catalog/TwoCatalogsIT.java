package dev.faultline.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.catalog.behaviour.BehaviourView;
import dev.faultline.catalog.behaviour.Gap;
import dev.faultline.catalog.behaviour.KnownBehaviourTopology;
import dev.faultline.catalog.experiment.ExperimentResponse;
import dev.faultline.catalog.streams.CatalogInstances;
import dev.faultline.catalog.streams.TestDeclarations;
import dev.faultline.catalog.streams.TestVerdicts;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.devstack.support.FreePorts;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.kit.testing.ServiceProperties;
import dev.faultline.schemas.avro.PredictionOutcome;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.avro.VerdictOutcome;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
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
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances of catalog-service on one Streams application id (state dirs and ports of their own, each advertising
 * its address), against the real devstack: the partitions are split between them, and every query — one entry, one
 * experiment, the listings, the gaps — is answered the same by either, the instance that does not own a key
 * forwarding to the one that does.
 */
@ExtendWith(DevStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoCatalogsIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ApplicationContext> instances = new ArrayList<>();
    private final List<String> urls = new ArrayList<>();
    private DevStack stack;
    private JsonMapper json;

    @BeforeAll
    void start(DevStack devStack) throws Exception {
        stack = devStack;
        String applicationId = "catalog-two-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            int port = FreePorts.next();
            EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, ServiceProperties.withKafkaLogin(stack, Map.of(
                    "micronaut.server.port", port,
                    "faultline.kafka.bootstrap-servers", stack.kafkaBootstrapServers(),
                    "faultline.kafka.schema-registry-url", stack.schemaRegistryUrl(),
                    "faultline.catalog.application-id", applicationId,
                    "faultline.catalog.state-dir", Files.createTempDirectory("catalog-two-state").toString(),
                    "faultline.catalog.application-server", "127.0.0.1:" + port,
                    "faultline.security.jwks-url", stack.issuer().jwksUrl(),
                    "faultline.security.issuer", stack.issuer().url())));
            instances.add(server.getApplicationContext());
            urls.add("http://127.0.0.1:" + port);
        }
        json = instances.get(0).getBean(JsonMapper.class);
        await().atMost(WAIT).until(() -> instances.stream().allMatch(c -> streams(c).state() == KafkaStreams.State.RUNNING)
                && instances.stream().allMatch(c -> !streams(c).metadataForLocalThreads().stream()
                        .allMatch(t -> t.activeTasks().isEmpty())));
    }

    @AfterAll
    void stop() {
        instances.forEach(ApplicationContext::close);
    }

    @Test
    void shouldAnswerEveryQueryTheSameOnEitherInstance() throws Exception {
        // one service per experiment, so each entry has its own key: two owned by each instance
        String run = UUID.randomUUID().toString().substring(0, 8);
        EventPublisher publisher = instances.get(0).getBean(EventPublisher.class);
        List<String> services = new ArrayList<>();
        List<String> experiments = new ArrayList<>();
        List<HostInfo> owners = new ArrayList<>();
        for (int i = 0; owners.stream().filter(host(0)::equals).count() < 2 || owners.stream().filter(host(1)::equals).count() < 2; i++) {
            String service = "shop" + i + "-" + run;
            HostInfo owner = owner(KnownBehaviourTopology.STORE, service + "|NETWORK_BLACKHOLE");
            if (owners.stream().filter(owner::equals).count() < 2) {
                services.add(service);
                experiments.add("exp-two-" + i + "-" + run);
                owners.add(owner);
            }
        }
        for (int i = 0; i < services.size(); i++) {
            VerdictIssued verdict = TestVerdicts.verdict(experiments.get(i), VerdictOutcome.PARTIALLY_HELD,
                    Instant.now().minusSeconds(60), TestVerdicts.readsServed(PredictionOutcome.HELD, 1.0),
                    TestVerdicts.readsP99(PredictionOutcome.NOT_HELD, 1210));
            verdict.setService(services.get(i));
            publisher.publish(verdict);
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(get(0, "/catalog", 200, Argument.listOf(BehaviourView.class)))
                .extracting(BehaviourView::service).containsAll(services));

        // each instance answers for the entries the other owns by forwarding
        for (int i = 0; i < services.size(); i++) {
            String path = "/catalog/" + services.get(i) + "/NETWORK_BLACKHOLE";
            String experiment = "/experiments/" + experiments.get(i);
            int notOwner = owners.get(i).equals(host(0)) ? 1 : 0;
            BehaviourView fromOwner = get(1 - notOwner, path, 200, BehaviourView.class);
            assertThat(fromOwner.experimentIds()).containsExactly(experiments.get(i));
            assertThat(get(notOwner, path, 200, BehaviourView.class)).isEqualTo(fromOwner);
            // asked with the header another instance sends, the one that does not own it has nothing
            assertThat(status(notOwner, path, Map.of(CatalogInstances.LOCAL_ONLY, "true"))).isEqualTo(404);
            await().atMost(WAIT).untilAsserted(() -> assertThat(get(0, experiment, 200, ExperimentResponse.class).verdict())
                    .isEqualTo("PARTIALLY_HELD"));
            assertThat(get(1, experiment, 200, ExperimentResponse.class)).isEqualTo(get(0, experiment, 200,
                    ExperimentResponse.class));
        }
        assertThat(status(0, "/catalog/never-" + run + "/NETWORK_BLACKHOLE", Map.of())).isEqualTo(404);
        assertThat(status(1, "/catalog/never-" + run + "/NETWORK_BLACKHOLE", Map.of())).isEqualTo(404);
        assertThat(status(1, "/experiments/never-" + run, Map.of())).isEqualTo(404);

        // the listings gather both instances' parts: the same whole list from either, split between them locally
        List<BehaviourView> all = get(0, "/catalog", 200, Argument.listOf(BehaviourView.class));
        assertThat(get(1, "/catalog", 200, Argument.listOf(BehaviourView.class))).isEqualTo(all);
        List<String> localKeys = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            localKeys.addAll(get(i, "/catalog", Map.of(CatalogInstances.LOCAL_ONLY, "true"),
                    Argument.listOf(BehaviourView.class)).stream().map(BehaviourView::behaviourKey).toList());
        }
        assertThat(localKeys).containsExactlyInAnyOrderElementsOf(all.stream().map(BehaviourView::behaviourKey).toList());
        assertThat(get(0, "/experiments", 200, Argument.listOf(ExperimentResponse.class))).extracting(ExperimentResponse::experimentId)
                .containsAll(experiments)
                .isEqualTo(get(1, "/experiments", 200, Argument.listOf(ExperimentResponse.class)).stream()
                        .map(ExperimentResponse::experimentId).toList());
        // gaps from the gathered entries: a declared service tested under NETWORK_BLACKHOLE on one instance is not a
        // gap on either, its untested failure modes are on both
        for (int owner = 0; owner < 2; owner++) {
            String service = services.get(owners.indexOf(host(owner)));
            for (TargetDeclared target : TestDeclarations.targets(TestDeclarations.TARGETS.replace("storefront:", service + ":"))) {
                publisher.publish(TestDeclarations.key(target), target);
            }
            for (int asked = 0; asked < 2; asked++) {
                int instance = asked;
                await().atMost(WAIT).untilAsserted(() -> assertThat(get(instance, "/catalog/gaps", 200,
                        Argument.listOf(Gap.class))).filteredOn(gap -> gap.service().equals(service))
                        .extracting(Gap::faultType).contains("NETWORK_LATENCY").doesNotContain("NETWORK_BLACKHOLE"));
            }
        }
        assertThat(get(1, "/catalog/gaps", 200, Argument.listOf(Gap.class)))
                .isEqualTo(get(0, "/catalog/gaps", 200, Argument.listOf(Gap.class)));
        String document = raw(0, "/catalog/document");
        // the same document but for when it was written (and so how long ago each entry was tested)
        assertThat(timeless(raw(1, "/catalog/document"))).isEqualTo(timeless(document));
        assertThat(document).contains("## " + services.get(0)).contains("## " + services.get(services.size() - 1));
    }

    private static String timeless(String document) {
        return document.replaceAll("catalog at [^ ]+:", "catalog at T:").replaceAll("\\([^()]* ago\\)", "(ago)");
    }

    private HostInfo owner(String store, String key) {
        KeyQueryMetadata metadata = streams(instances.get(0)).queryMetadataForKey(store, key, Serdes.String().serializer());
        assertThat(streams(instances.get(1)).queryMetadataForKey(store, key, Serdes.String().serializer()).activeHost())
                .isEqualTo(metadata.activeHost());
        return metadata.activeHost();
    }

    private HostInfo host(int instance) {
        return HostInfo.buildFromEndpoint(urls.get(instance).substring("http://".length()));
    }

    private static KafkaStreams streams(ApplicationContext context) {
        return context.getBean(KafkaStreams.class);
    }

    private <T> T get(int instance, String path, int status, Argument<T> type) throws Exception {
        HttpResponse<byte[]> response = send(instance, path, Map.of());
        assertThat(response.statusCode()).as("GET %s on instance %d: %s", path, instance, new String(response.body()))
                .isEqualTo(status);
        return json.readValue(response.body(), type);
    }

    private <T> T get(int instance, String path, int status, Class<T> type) throws Exception {
        return get(instance, path, status, Argument.of(type));
    }

    private <T> T get(int instance, String path, Map<String, String> headers, Argument<T> type) throws Exception {
        HttpResponse<byte[]> response = send(instance, path, headers);
        assertThat(response.statusCode()).as("GET %s on instance %d", path, instance).isEqualTo(200);
        return json.readValue(response.body(), type);
    }

    private int status(int instance, String path, Map<String, String> headers) throws Exception {
        return send(instance, path, headers).statusCode();
    }

    private String raw(int instance, String path) throws Exception {
        HttpResponse<byte[]> response = send(instance, path, Map.of());
        assertThat(response.statusCode()).as("GET %s on instance %d", path, instance).isEqualTo(200);
        return new String(response.body());
    }

    private HttpResponse<byte[]> send(int instance, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(urls.get(instance) + path)).GET()
                .header("authorization", "Bearer " + stack.issuer().token("erin"));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
