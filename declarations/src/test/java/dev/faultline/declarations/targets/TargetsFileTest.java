package dev.faultline.declarations.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.declarations.yaml.Invalid;
import dev.faultline.schemas.avro.DependencyProtocol;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.TargetDeclared;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Targets files: the demo's, a second system's, and bad files refused whole with every problem located. */
class TargetsFileTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);

    private static List<TargetDeclared> read(String yaml) throws Invalid {
        return TargetsFile.read(yaml, "targets.yaml", "alice", CLOCK);
    }

    private static List<String> problems(String yaml) {
        try {
            read(yaml);
        } catch (Invalid invalid) {
            return invalid.problems().stream().map(Object::toString).toList();
        }
        throw new AssertionError("the file was accepted");
    }

    @Test
    void shouldReadTheDemosTargetsFile() throws Exception {
        String demo = Files.readString(Path.of("../deploy/targets/demo.yaml"), StandardCharsets.UTF_8)
                .replace("${storefront-url}", "http://127.0.0.1:18080").replace("${storefront-port}", "18080")
                .replace("${pricing-url}", "http://127.0.0.1:18090").replace("${pricing-port}", "18090")
                .replace("${agent-url}", "http://127.0.0.1:8479").replace("${logs}", "/tmp/stack/logs");

        List<TargetDeclared> declared = read(demo);

        assertThat(declared).extracting(d -> d.getEnvironment() + "/" + d.getService())
                .containsExactly("STAGING/storefront", "STAGING/pricing", "PRODUCTION/storefront");
        TargetDeclared staging = declared.get(0);
        assertThat(staging.getService()).isEqualTo("storefront");
        assertThat(staging.getServiceType()).isEqualTo("http-storefront");
        assertThat(staging.getOwners()).containsExactly("demo-shop");
        assertThat(staging.getBaseUrl()).isEqualTo("http://127.0.0.1:18080");
        assertThat(staging.getEndpoints()).extracting(e -> e.getName() + " " + e.getMethod() + " " + e.getPath())
                .containsExactly("product-reads GET /products/sku-1", "order-writes POST /orders");
        assertThat(staging.getEndpoints().get(1).getHeaders()).containsEntry("content-type", "application/json");
        assertThat(staging.getDependencies()).singleElement().satisfies(d -> {
            assertThat(d.getName()).isEqualTo("pricing");
            assertThat(d.getProtocol()).isEqualTo(DependencyProtocol.HTTP);
            assertThat(d.getProxy()).isEqualTo("pricing");
        });
        assertThat(staging.getObservability().getMetricsUrl()).isEqualTo("http://127.0.0.1:18080/metrics");
        assertThat(staging.getObservability().getLogFile()).isEqualTo("/tmp/stack/logs/storefront.log");
        assertThat(staging.getHeader().getActor().getId()).isEqualTo("alice");
        assertThat(staging.getHeader().getExperimentId()).isEmpty();
        assertThat(staging.getSource()).isEqualTo("targets.yaml");
        String storefrontLine = "/usr/lib/jvm/java-17/bin/java -Xmx96m -cp /a.jar:/b.jar dev.faultline.devstack.process.ChildProcessMain "
                + "dev.faultline.demo.StorefrontMain --port 18080 --pricing-url http://127.0.0.1:18091";
        assertThat(staging.getHosts()).singleElement().satisfies(host -> {
            assertThat(host.getName()).isEqualTo("demo-host");
            assertThat(host.getAgentUrl()).isEqualTo("http://127.0.0.1:8479");
            assertThat(storefrontLine).matches(host.getProcess());
            assertThat(storefrontLine.replace("18080", "28080")).as("another stack's").doesNotMatch(host.getProcess());
        });
        TargetDeclared pricing = declared.get(1);
        assertThat(pricing.getServiceType()).isEqualTo("http-api");
        assertThat(pricing.getEndpoints()).extracting(e -> e.getName() + " " + e.getMethod() + " " + e.getPath())
                .containsExactly("read GET /prices/sku-1");
        String pricingLine = "/usr/lib/jvm/java-17/bin/java -Xmx64m -cp /a.jar dev.faultline.devstack.process.ChildProcessMain "
                + "dev.faultline.demo.PricingMain --port 18090";
        assertThat(pricing.getHosts()).singleElement().satisfies(host -> {
            assertThat(pricingLine).matches(host.getProcess());
            assertThat("bash -c while true; do '" + pricingLine.replace(" ", "' '") + "'; sleep 1; done")
                    .as("its supervisor").doesNotMatch(host.getProcess());
        });
        assertThat(pricing.getObservability().getLogFile()).isEqualTo("/tmp/stack/logs/pricing.log");
    }

    @Test
    void shouldReadASecondSystemWithKafkaAndTcpDependenciesHostsAndPrometheus() throws Exception {
        List<TargetDeclared> declared = read("""
                environments:
                  TEST:
                    inventory:
                      type: http-api
                      base-url: http://inventory:9000/
                      endpoints:
                        stock: {path: /stock/42, success: [200, 204]}
                      dependencies:
                        warehouse-db: {protocol: tcp, proxy: warehouse-db}
                        restock: {protocol: kafka, topic: inventory.restock}
                        orders: {protocol: kafka, topic: shop.orders, bootstrap-servers: 'kafka-1:9092,kafka-2:9092'}
                      hosts:
                        inv-1: {agent: http://inv-1:8479, process: 'java .*InventoryMain.*'}
                        inv-2:
                      observability:
                        prometheus: http://prometheus:9090
                        trace-context: true
                """);

        TargetDeclared inventory = declared.get(0);
        assertThat(inventory.getEnvironment()).isEqualTo(Environment.TEST);
        assertThat(inventory.getBaseUrl()).isEqualTo("http://inventory:9000");
        assertThat(inventory.getEndpoints().get(0).getMethod()).isEqualTo("GET");
        assertThat(inventory.getEndpoints().get(0).getSuccessStatuses()).containsExactly(200, 204);
        assertThat(inventory.getDependencies()).extracting(d -> d.getName() + "/" + d.getProtocol() + "/" + d.getTopic())
                .containsExactly("warehouse-db/TCP/null", "restock/KAFKA/inventory.restock", "orders/KAFKA/shop.orders");
        assertThat(inventory.getDependencies()).extracting(d -> d.getBootstrapServers())
                .as("a cluster of its own, else (null) Faultline's").containsExactly(null, null, "kafka-1:9092,kafka-2:9092");
        assertThat(inventory.getHosts()).extracting(h -> h.getName() + " " + h.getAgentUrl() + " " + h.getProcess())
                .containsExactly("inv-1 http://inv-1:8479 java .*InventoryMain.*", "inv-2 null null");
        assertThat(inventory.getObservability().getPrometheusUrl()).isEqualTo("http://prometheus:9090");
        assertThat(inventory.getObservability().getPropagatesTraceContext()).isTrue();
    }

    @Test
    void shouldRefuseTheWholeFileListingEveryProblemWithItsLine() {
        List<String> problems = problems("""
                environments:
                  staging:
                    storefront:
                      type: http-storefront
                      base-url: storefront:8080
                      endpoints:
                        reads: {method: FETCH, path: products}
                      dependencies:
                        pricing: {protocol: http}
                        events: {protocol: kafka}
                        cache: {protocol: carrier-pigeon, proxy: cache}
                      hosts:
                        shop-1: {agent: http://shop-1:8479, process: 'java (StorefrontMain'}
                      observability:
                        metric: http://storefront/metrics
                    Billing:
                      base-url: http://billing
                  qa:
                    anything: {}
                """);

        assertThat(problems).containsExactly(
                "line 5, column 17: environments.staging.storefront.base-url: 'storefront:8080' is not an http(s) URL",
                "line 7, column 25: environments.staging.storefront.endpoints.reads.method: 'FETCH' is not an HTTP "
                        + "method; use one of [DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT]",
                "line 7, column 38: environments.staging.storefront.endpoints.reads.path: a path starts with '/', "
                        + "was 'products'",
                "line 9, column 18: environments.staging.storefront.dependencies.pricing: name the route Faultline "
                        + "controls: the data plane's 'proxy' (L4) and/or 'http-proxy' (L7)",
                "line 10, column 17: environments.staging.storefront.dependencies.events: a kafka dependency names its "
                        + "'topic'",
                "line 11, column 27: environments.staging.storefront.dependencies.cache.protocol: 'carrier-pigeon' is "
                        + "not one of http, tcp, kafka",
                "line 13, column 54: environments.staging.storefront.hosts.shop-1.process: is not a regular "
                        + "expression: Unclosed group",
                "line 15, column 17: environments.staging.storefront.observability.metric: unknown key 'metric'; "
                        + "expected one of [metrics, prometheus, logs, trace-context]",
                "line 17, column 7: environments.staging.Billing: a service name is lower case letters, digits, '.', "
                        + "'_' or '-'",
                "line 17, column 7: environments.staging.Billing.type: required",
                "line 19, column 5: environments.qa: 'qa' is not an environment; use one of [development, test, "
                        + "staging, production]");
    }

    @Test
    void shouldRefuseAFileThatIsNotYamlOrRepeatsAKey() {
        assertThat(problems("environments:\n  staging: [unclosed\n")).singleElement()
                .satisfies(p -> assertThat(p).startsWith("line 2").contains("(file): not YAML"));
        assertThat(problems("environments:\n  staging:\n    a: {type: t, base-url: http://a}\n    a: {}\n"))
                .singleElement().asString().startsWith("line 4, column 5: (file): 'a' is given twice");
        assertThat(problems("services: {}\n")).containsExactly(
                "line 1, column 11: (file).services: unknown key 'services'; expected one of [environments]",
                "line 1, column 1: (file): no 'environments': declare the services of at least one environment");
    }

    @Test
    void shouldRefuseAClusterOnAnythingButAKafkaDependencyOrNotAsHostAndPort() {
        assertThat(problems("""
                environments:
                  staging:
                    shop:
                      type: t
                      base-url: http://shop
                      dependencies:
                        pricing: {protocol: http, proxy: pricing, bootstrap-servers: 'kafka:9092'}
                        orders: {protocol: kafka, topic: orders, bootstrap-servers: 'kafka'}
                """)).containsExactly(
                "line 7, column 70: environments.staging.shop.dependencies.pricing.bootstrap-servers: only a kafka "
                        + "dependency names a cluster's 'bootstrap-servers'",
                "line 8, column 69: environments.staging.shop.dependencies.orders.bootstrap-servers: "
                        + "host:port[,host:port...], was 'kafka'");
    }

    @Test
    void shouldTakeEveryEnvironmentNameInAnyCase() throws Exception {
        assertThatThrownBy(() -> read("environments:\n  UNKNOWN:\n    a: {}\n")).isInstanceOf(Invalid.class);
        assertThat(read("environments:\n  Production:\n    a: {type: t, base-url: https://a.example}\n"))
                .extracting(TargetDeclared::getEnvironment).containsExactly(Environment.PRODUCTION);
    }
}
