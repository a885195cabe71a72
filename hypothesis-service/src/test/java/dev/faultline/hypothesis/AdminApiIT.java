package dev.faultline.hypothesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.hypothesis.support.Http;
import dev.faultline.hypothesis.support.ServiceUnderTest;
import dev.faultline.kit.events.TopicReplay;
import dev.faultline.kit.testing.EventTap;
import dev.faultline.kit.testing.ServiceProperties;
import dev.faultline.schemas.avro.ActorKind;
import dev.faultline.schemas.avro.FailureModeDeclared;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.serde.FaultlineSerdeConfig;
import dev.faultline.schemas.serde.FaultlineSerdes;
import dev.faultline.schemas.topics.Topic;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.context.ApplicationContext;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * hypothesis-service's admin API against the real devstack and real tokens of the local issuer: targets applied and
 * failure modes added and withdrawn by an admin arrive on their topics with the token's subject as the actor; anyone
 * else gets a 403 naming the role; a file with problems gets a 400 listing them, and nothing is published.
 */
@ExtendWith(DevStackExtension.class)
class AdminApiIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String YAML = "application/yaml";

    private static DevStack devStack;
    private static ApplicationContext context;
    private static EventTap tap;
    private static String baseUrl;

    @BeforeAll
    static void start(DevStack stack) {
        devStack = stack;
        context = ServiceUnderTest.start(stack, "hypothesis_admin_it_" + RUN, "hypothesis-admin-it-" + RUN);
        baseUrl = ServiceUnderTest.baseUrl(context);
        tap = new EventTap(stack, List.of(Topics.TARGETS, Topics.FAILURE_MODES, Topics.HYPOTHESES));
    }

    @AfterAll
    static void stop() throws Exception {
        tap.close();
        context.close();
    }

    @Test
    void shouldApplyTargetsAsTheAdminOfTheTokenAndRemoveWhatTheFileNoLongerDeclares() {
        String inventory = "inventory-" + RUN;
        String billing = "billing-" + RUN;
        String other = "shipping-" + RUN;
        String team = "/targets?source=team-" + RUN + ".yaml";
        String inventorySpec = "{type: http-storefront, base-url: 'http://inventory.internal:%d', endpoints: {reads: "
                + "{path: /products/1}, orders: {method: POST, path: /orders}}, dependencies: {pricing: {protocol: http, "
                + "proxy: pricing}}}";
        HttpResponse<String> applied = as("admin").post(team, YAML, """
                environments:
                  staging:
                    %s: %s
                    %s: {type: http-api, base-url: http://billing.internal:9000}
                """.formatted(inventory, inventorySpec.formatted(9000), billing));
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        assertThat(applied.body()).contains("\"declared\":[\"STAGING/" + inventory + "\",\"STAGING/" + billing + "\"]")
                .as("nothing removed").doesNotContain("\"removed\":[\"");
        TargetDeclared declared = awaitFirst(TargetDeclared.class, "STAGING/" + inventory);
        assertThat(declared.getHeader().getActor().getId()).isEqualTo("admin");
        assertThat(declared.getHeader().getActor().getKind()).isEqualTo(ActorKind.PERSON);
        assertThat(declared.getSource()).isEqualTo("team-" + RUN + ".yaml");
        assertThat(as("admin").post("/targets?source=logistics-" + RUN + ".yaml", "text/plain", """
                environments:
                  staging:
                    %s: {type: http-quotes, base-url: http://shipping.internal:8081}
                """.formatted(other)).statusCode()).isEqualTo(200);

        HttpResponse<String> again = as("admin").post(team, YAML, """
                environments:
                  staging:
                    %s: %s
                """.formatted(inventory, inventorySpec.formatted(9001)));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(again.body()).contains("\"removed\":[\"STAGING/" + billing + "\"]")
                .as("another file's services are left alone").doesNotContain(other);
        TargetDeclared removed = await().atMost(WAIT).until(() -> tap.events(TargetDeclared.class, "STAGING/" + billing),
                events -> events.size() == 2).get(1);
        assertThat(removed.getRemoved()).isTrue();
        assertThat(removed.getHeader().getActor().getId()).isEqualTo("admin");
        assertThat(((TargetDeclared) declaredNow(Topics.TARGETS).get("STAGING/" + other)).getRemoved()).isFalse();

        assertThat(as("erin").get("/targets").body()).contains("\"service\":\"" + inventory + "\"",
                "\"baseUrl\":\"http://inventory.internal:9001\"", "\"declaredBy\":\"admin\"").doesNotContain(billing);
        HttpResponse<String> drafted = await().atMost(WAIT).until(() -> as("alice").post("/proposals", """
                {"service":"%s","faultType":"NETWORK_BLACKHOLE","dependency":"pricing","environment":"STAGING",
                 "reason":"ROUTINE","motivation":"the inventory must survive a pricing outage"}""".formatted(inventory)),
                response -> response.statusCode() == 202);
        awaitFirst(HypothesisDrafted.class, Http.field(drafted.body(), "experimentId"));
    }

    @Test
    void shouldRefuseTargetsFromAnyoneButAnAdminAndAFileWithProblemsPublishingNothing() {
        String service = "orders-" + RUN;
        String file = """
                environments:
                  staging:
                    %s:
                      type: http-api
                      base-url: not-a-url
                      dependencies: {db: {protocol: tcp}}
                """.formatted(service);
        String valid = file.replace("not-a-url", "http://orders.internal").replace("{protocol: tcp}", "{protocol: tcp, proxy: db}");
        String path = "/targets?source=orders-" + RUN + ".yaml";

        HttpResponse<String> byProposer = as("alice").post(path, YAML, valid);
        assertThat(byProposer.statusCode()).isEqualTo(403);
        assertThat(byProposer.body()).contains("applying targets needs the role admin; alice has proposer");
        assertThat(new Http(baseUrl, null).post(path, YAML, valid).statusCode()).isEqualTo(401);
        assertThat(as("admin").post(path + "&by=carol", YAML, valid).body())
                .contains("the author is taken from your token (admin); leave 'by' out");
        assertThat(as("admin").post("/targets", YAML, valid).body()).contains("source is required");

        HttpResponse<String> bad = as("admin").post(path, YAML, file);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("orders-" + RUN + ".yaml: 2 problems; nothing published",
                "line 5, column 17: environments.staging." + service + ".base-url: 'not-a-url' is not an http(s) URL",
                "line 6, column 26: environments.staging." + service + ".dependencies.db: name the route");
        assertThat(as("admin").post(path, YAML, "environments: {}\n").body()).contains("declares no service");
        assertThat(declaredNow(Topics.TARGETS)).as("nothing published").doesNotContainKey("STAGING/" + service);
    }

    @Test
    void shouldAddAndWithdrawFailureModesAsTheAdminOfTheToken() {
        String id = "worker-lag-" + RUN;
        HttpResponse<String> added = as("admin").post("/failure-modes?source=worker.yaml&incident=INC-" + RUN, YAML,
                template("100"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(added.body()).contains("\"added\":[\"" + id + "\"]");
        FailureModeDeclared declared = awaitFirst(FailureModeDeclared.class, id);
        assertThat(declared.getHeader().getActor().getId()).isEqualTo("admin");
        assertThat(declared.getSource()).isEqualTo("worker.yaml");
        assertThat(declared.getIncidentId()).isEqualTo("INC-" + RUN);
        await().atMost(WAIT).untilAsserted(() -> assertThat(as("erin").get("/failure-modes").body())
                .contains("\"origin\":{\"kind\":\"added\",\"source\":\"worker.yaml\",\"addedBy\":\"admin\""));

        assertThat(as("alice").delete("/failure-modes/" + id).body())
                .contains("withdrawing failure modes needs the role admin; alice has proposer");
        HttpResponse<String> withdrawn = as("admin").delete("/failure-modes/" + id);
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        FailureModeDeclared removal = await().atMost(WAIT).until(() -> tap.events(FailureModeDeclared.class, id),
                events -> events.size() == 2).get(1);
        assertThat(removal.getRemoved()).isTrue();
        assertThat(removal.getHeader().getActor().getId()).isEqualTo("admin");
        HttpResponse<String> again = as("admin").delete("/failure-modes/" + id);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).contains("no added template '" + id + "'");
        assertThat(as("admin").delete("/failure-modes/storefront-dependency-latency").statusCode())
                .as("a built-in template cannot be withdrawn").isEqualTo(404);
    }

    @Test
    void shouldRefuseFailureModesFromAnyoneButAnAdminAndAFileWithProblemsPublishingNothing() {
        String id = "worker-lag-" + RUN + "-bad";
        String valid = template("100").replace("worker-lag-" + RUN, id);

        HttpResponse<String> byReviewer = as("bob").post("/failure-modes?source=bad.yaml", YAML, valid);
        assertThat(byReviewer.statusCode()).isEqualTo(403);
        assertThat(byReviewer.body()).contains("adding failure modes needs the role admin; bob has reviewer");
        HttpResponse<String> bad = as("admin").post("/failure-modes?source=bad.yaml", YAML,
                template("lag + 1").replace("worker-lag-" + RUN, id));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("bad.yaml: 1 problem; nothing published",
                "line 11, column ", "threshold: unknown variable [lag]");
        assertThat(declaredNow(Topics.FAILURE_MODES)).as("nothing published").doesNotContainKey(id);
    }

    private static String template(String threshold) {
        return """
                failure-modes:
                  worker-lag-%s:
                    service-type: queue-worker
                    fault: network-latency
                    risk: low
                    description: the broker answers latencyMillis slower
                    parameters: {latencyMillis: 500}
                    title: When ${dependency} is slow, ${service} keeps up
                    probes: {lag: {kind: metric, parameters: {metric: worker_lag}}}
                    predictions:
                      bounded: {probe: lag, statistic: value-max, comparator: '<', threshold: '%s', unit: count,
                                description: the lag stays bounded}
                """.formatted(RUN, threshold);
    }

    /** The latest record of every key on {@code topic}, read to its end now. */
    private static Map<String, SpecificRecord> declaredNow(Topic topic) {
        Map<String, Object> serde = Map.of(FaultlineSerdeConfig.SCHEMA_REGISTRY_URL, devStack.schemaRegistryUrl(),
                FaultlineSerdeConfig.SPECIFIC_AVRO_READER, true);
        Map<String, SpecificRecord> latest = new HashMap<>();
        try (Deserializer<SpecificRecord> values = FaultlineSerdes.anyEvent(serde).deserializer()) {
            TopicReplay.readToEnd(ServiceProperties.kafkaSettings(devStack, "admin-api-it"), List.of(topic.name()),
                    record -> latest.put(record.key(), values.deserialize(record.topic(), record.value())));
        }
        return latest;
    }

    private static <T extends SpecificRecord> T awaitFirst(Class<T> type, String key) {
        return await().atMost(WAIT).until(() -> tap.first(type, key).orElse(null), e -> e != null);
    }

    /** Calls as {@code user} of the issuer's users file (admin administers, alice proposes, erin audits). */
    private static Http as(String user) {
        return new Http(baseUrl, devStack.issuer().token(user));
    }
}
