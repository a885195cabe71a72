package dev.faultline.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceCatalogTest {

    private final StackEndpoints stack = new StackEndpoints(StackPorts.demo(), "127.0.0.1:9092", "http://127.0.0.1:8081",
            "127.0.0.1:9042", "datacenter1", Path.of("/tmp/stack/kafka-clients"));

    @Test
    void shouldWireEveryServiceToTheStackAndToEachOther(@TempDir Path work) {
        List<ServiceSpec> services = ServiceCatalog.services(stack, Path.of("/tmp/stack"), StackKeys.create(work), "256m",
                Map.of("safety-service", List.of("-Dfaultline.safety.approvers=bob")), ServiceCatalog.SERVICES);

        assertThat(services).extracting(ServiceSpec::name).containsExactly("hypothesis-service", "safety-service",
                "injector-service", "analysis-service", "catalog-service", "console-service");
        ServiceSpec safety = services.get(1);
        assertThat(safety.jvmArgs()).as("the schemas module trusts its Avro package itself")
                .noneMatch(argument -> argument.contains("SERIALIZABLE_PACKAGES"));
        assertThat(safety.jvmArgs()).as("a heap that starts small and grows only as its live data needs")
                .containsSubsequence("-Xmx256m", "-Xms32m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30");
        assertThat(safety.jvmArgs()).contains("-Xmx256m", "-Dmicronaut.server.port=8102",
                "-Dfaultline.kafka.bootstrap-servers=127.0.0.1:9092",
                "-Dfaultline.cassandra.contact-point=127.0.0.1:9042",
                "-Dfaultline.services.injector-url=http://127.0.0.1:8103",
                "-Dfaultline.injector.dataplane-url=http://127.0.0.1:8474",
                "-Dfaultline.security.jwks-url=http://127.0.0.1:8110/.well-known/jwks.json",
                "-Dfaultline.security.issuer=http://127.0.0.1:8110",
                "-Dfaultline.security.client-id=safety-service",
                "-Dfaultline.safety.approvers=bob");
        assertThat(safety.jvmArgs()).as("its Kafka password comes from a file, not the command line")
                .contains("-Dmicronaut.config.files=/tmp/stack/kafka-clients/safety-service.service.properties")
                .noneMatch(argument -> argument.contains("faultline.kafka.password"));
        assertThat(safety.jvmArgs()).as("only safety-service calls another service's API")
                .anyMatch(argument -> argument.startsWith("-Dfaultline.security.client-secret="));
        assertThat(services.get(0).jvmArgs()).noneMatch(argument -> argument.startsWith("-Dfaultline.security.client"));
        assertThat(services.get(5).jvmArgs()).as("the console, on its port, finds the services it forwards to")
                .contains("-Dmicronaut.server.port=8106", "-Dfaultline.services.analysis-url=http://127.0.0.1:8104",
                        "-Dmicronaut.config.files=/tmp/stack/kafka-clients/console-service.service.properties");
        assertThat(safety.jvmArgs()).as("the demo's production runs at any hour with no on-call rotation")
                .containsAll(ServiceCatalog.LOCAL_PRODUCTION);
        assertThat(services.get(0).jvmArgs()).noneMatch(argument -> argument.contains("on-call-required"));
        assertThat(safety.jvmArgs()).as("the storefront is a declared target, not configuration")
                .noneMatch(argument -> argument.startsWith("-Dfaultline.targets."));
        assertThat(safety.readyUrl()).isEqualTo("http://127.0.0.1:8102/health");
        assertThat(services.get(2).module()).isEqualTo("injector-service/controller");
        assertThat(services.get(4).jvmArgs()).contains("-Dfaultline.catalog.state-dir=/tmp/stack/catalog-streams")
                .as("one catalog instance answers everything itself").noneMatch(a -> a.contains("application-server"));
    }

    @Test
    void shouldRunEachServicesInstancesOnTheirOwnPortsCallingInstanceOneOfTheOthers(@TempDir Path work) {
        ServiceInstances two = new ServiceInstances(2, Map.of("injector-service", List.of(8103, 8113),
                "catalog-service", List.of(8105, 8115)));
        List<ServiceSpec> services = ServiceCatalog.services(stack, Path.of("/tmp/stack"), StackKeys.create(work), "256m",
                Map.of("injector-service", List.of("-Dfaultline.injector.batch-millis=500")),
                List.of("injector-service", "catalog-service"), two);

        assertThat(services).extracting(ServiceSpec::name).containsExactly("injector-service", "injector-service-2",
                "catalog-service", "catalog-service-2");
        assertThat(services).extracting(ServiceSpec::readyUrl).containsExactly("http://127.0.0.1:8103/health",
                "http://127.0.0.1:8113/health", "http://127.0.0.1:8105/health", "http://127.0.0.1:8115/health");
        ServiceSpec second = services.get(1);
        assertThat(second.module()).isEqualTo("injector-service/controller");
        assertThat(second.jvmArgs()).as("the same principal, settings and extra options; instance 1 of the others")
                .contains("-Dmicronaut.server.port=8113", "-Dfaultline.injector.batch-millis=500",
                        "-Dfaultline.services.safety-url=http://127.0.0.1:8102",
                        "-Dmicronaut.config.files=/tmp/stack/kafka-clients/injector-service.service.properties");
        assertThat(services.get(2).jvmArgs()).as("each catalog instance: its own state, its address advertised")
                .contains("-Dfaultline.catalog.state-dir=/tmp/stack/catalog-streams",
                        "-Dfaultline.catalog.application-server=127.0.0.1:8105");
        assertThat(services.get(3).jvmArgs()).contains("-Dfaultline.catalog.state-dir=/tmp/stack/catalog-streams-2",
                "-Dfaultline.catalog.application-server=127.0.0.1:8115");
    }

    @Test
    void shouldNameInstancesAndFindTheirService() {
        assertThat(ServiceInstances.name("analysis-service", 1)).isEqualTo("analysis-service");
        assertThat(ServiceInstances.name("analysis-service", 3)).isEqualTo("analysis-service-3");
        assertThat(ServiceInstances.serviceOf("analysis-service-3")).isEqualTo("analysis-service");
        assertThat(ServiceInstances.serviceOf("analysis-service")).isEqualTo("analysis-service");
        assertThat(ServiceInstances.serviceOf("storefront")).isEqualTo("storefront");
        assertThat(ServiceInstances.isFirst("analysis-service")).isTrue();
        assertThat(ServiceInstances.isFirst("analysis-service-2")).isFalse();
        ServiceInstances one = ServiceInstances.one(StackPorts.demo());
        assertThat(one.of("console-service")).containsExactly(8106);
        assertThat(ServiceInstances.of(StackPorts.demo(), 2, true).of("console-service")).hasSize(2).startsWith(8106)
                .doesNotHaveDuplicates();
    }

    @Test
    void shouldGiveTheStacksPrivateKeyToSafetyOnlyAndItsPublicKeyToTheInjectorAndTheAgent(@TempDir Path work) throws Exception {
        StackKeys keys = StackKeys.create(work);
        List<ServiceSpec> services = ServiceCatalog.services(stack, work.resolve("data"), keys, "256m", Map.of(),
                ServiceCatalog.SERVICES);

        assertThat(keys.keyId()).matches("local-[0-9a-f]{8}");
        assertThat(StackKeys.create(work.resolve("other")).publicKey()).as("a fresh key pair per stack").isNotEqualTo(keys.publicKey());
        assertThat(Files.getPosixFilePermissions(keys.signingKeyFile())).as("readable by its owner alone")
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        ServiceSpec safety = services.get(1);
        ServiceSpec injector = services.get(2);
        assertThat(safety.jvmArgs()).contains("-Dfaultline.clearance.key-id=" + keys.keyId(),
                "-Dfaultline.clearance.signing-key-file=" + keys.signingKeyFile())
                .noneMatch(argument -> argument.startsWith("-Dfaultline.clearance.public-keys."));
        assertThat(injector.jvmArgs()).contains("-Dfaultline.clearance.public-keys." + keys.keyId() + "=" + keys.publicKey())
                .noneMatch(argument -> argument.startsWith("-Dfaultline.clearance.signing-key"));
        assertThat(List.of(services.get(0), services.get(3), services.get(4))).allSatisfy(other ->
                assertThat(other.jvmArgs()).noneMatch(argument -> argument.startsWith("-Dfaultline.clearance.")));

        String agentConfig = Files.readString(DemoAgent.writeConfig(work, stack, keys));
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(agentConfig).path("publicKeys").path(keys.keyId())
                .asText()).isEqualTo(keys.publicKey());
        String privateKey = Files.readString(keys.signingKeyFile()).lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        assertThat(agentConfig).doesNotContain(privateKey);
    }

    @Test
    void shouldLaunchTheDataPlaneWithTheFlagsOfItsJvmOptionsFile() throws Exception {
        // the file `./faultline dataplane` and scripts/bench-dataplane.sh read (cli's tests run in cli/)
        List<String> file = Files.readAllLines(Path.of("../injector-service/dataplane/jvm.options")).stream()
                .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .flatMap(line -> java.util.Arrays.stream(line.split("\\s+"))).toList();
        assertThat(ServiceCatalog.dataplane(stack).jvmArgs()).containsExactlyElementsOf(file);
    }

    @Test
    void shouldPointTheStorefrontAtThePricingProxy() {
        assertThat(ServiceCatalog.storefront(stack).args()).containsExactly("--port", "18080",
                "--pricing-url", "http://127.0.0.1:18091", "--kafka-bootstrap-servers", "127.0.0.1:9092",
                "--kafka-config", "/tmp/stack/kafka-clients/demo-shop.properties");
        assertThat(ServiceCatalog.dataplane(stack).readyUrl()).isEqualTo("http://127.0.0.1:8474/version");
    }

    @Test
    void shouldSupervisePricingAndRunTheHostAgentFromItsJarWithTheInjectorsDemoToken(@TempDir Path work) throws Exception {
        assertThat(ServiceCatalog.pricing(stack).supervised()).isTrue();
        assertThat(ServiceCatalog.storefront(stack).supervised()).isFalse();

        Path config = DemoAgent.writeConfig(work, stack, StackKeys.create(work));
        ServiceSpec agent = ServiceCatalog.agent(stack, config);
        assertThat(agent.module()).isEqualTo("agent");
        assertThat(agent.mainClass()).isEqualTo("dev.faultline.agent.AgentMain");
        assertThat(agent.args()).containsExactly("--config", config.toString());
        assertThat(agent.readyUrl()).isEqualTo("http://127.0.0.1:8479/health");
        com.fasterxml.jackson.databind.JsonNode written = new com.fasterxml.jackson.databind.ObjectMapper().readTree(config.toFile());
        assertThat(written.path("token").asText()).as("injector-service's default agent-token")
                .isEqualTo("faultline-demo-agent-token");
        assertThat(written.path("port").asInt()).isEqualTo(8479);
        assertThat(written.path("stateDirectory").asText()).isEqualTo(work.resolve("agent/state").toString());
        assertThat(written.path("allow").path("directories").get(0).asText()).isEqualTo(work.resolve("agent/fill").toString());
        assertThat(Files.isDirectory(work.resolve("agent/fill"))).isTrue();
        String pricingPattern = written.path("allow").path("processes").get(0).asText();
        assertThat("/usr/bin/java -Xmx64m -cp /x.jar dev.faultline.devstack.process.ChildProcessMain dev.faultline.demo.PricingMain"
                + " --port 18090").matches(pricingPattern);
        assertThat("/usr/bin/java -cp /x.jar dev.faultline.devstack.process.ChildProcessMain dev.faultline.demo.PricingMain"
                + " --port 28090").as("another stack's pricing").doesNotMatch(pricingPattern);
        assertThat("/usr/bin/java -cp /x.jar dev.faultline.devstack.process.ChildProcessMain dev.faultline.demo.StorefrontMain"
                + " --port 18080 --pricing-url http://127.0.0.1:18091").matches(written.path("allow").path("processes").get(1).asText());
    }

    @Test
    void shouldStartTheSystemsUnderTestOnAHeapOfEightMegabytesThatGrowsAsNeeded() {
        for (ServiceSpec system : List.of(ServiceCatalog.pricing(stack), ServiceCatalog.storefront(stack),
                ServiceCatalog.carrier(stack), ServiceCatalog.shipping(stack), ServiceCatalog.fulfilment(stack))) {
            assertThat(system.jvmArgs()).as(system.name()).contains("-Xms8m", "-XX:MaxHeapFreeRatio=30")
                    .doesNotContain("-Xms32m");
        }
    }

    @Test
    void shouldPointShippingAtTheCarrierProxy() {
        assertThat(ServiceCatalog.shipping(stack).args()).containsExactly("--port", "18081",
                "--carrier-url", "http://127.0.0.1:18093");
        assertThat(ServiceCatalog.shipping(stack).readyUrl()).isEqualTo("http://127.0.0.1:18081/health");
        assertThat(ServiceCatalog.carrier(stack).args()).containsExactly("--port", "18092");
        assertThat(ServiceCatalog.carrier(stack).mainClass()).isEqualTo("dev.faultline.demo.CarrierMain");
    }

    @Test
    void shouldRunFulfilmentOnTheStacksKafkaWhereTheStorefrontAnnouncesItsOrders() {
        assertThat(ServiceCatalog.fulfilment(stack).args()).containsExactly("--port", "18082",
                "--kafka-bootstrap-servers", "127.0.0.1:9092",
                "--kafka-config", "/tmp/stack/kafka-clients/demo-shop.properties");
        assertThat(ServiceCatalog.fulfilment(stack).mainClass()).isEqualTo("dev.faultline.demo.FulfilmentMain");
        assertThat(ServiceCatalog.fulfilment(stack).readyUrl()).isEqualTo("http://127.0.0.1:18082/health");
    }

    @Test
    void shouldBuildAModuleClasspathOrSayHowToBuildIt(@TempDir Path root) throws Exception {
        RepoLayout repo = new RepoLayout(root);
        Files.createDirectories(root.resolve("demo-target/target/classes"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> repo.classpath("demo-target"))
                .hasMessageContaining("demo-target is not built").hasMessageContaining("runtime.classpath");

        Files.writeString(root.resolve("demo-target/target/runtime.classpath"), "/a.jar:/b.jar\n");
        assertThat(repo.classpath("demo-target")).isEqualTo(root.resolve("demo-target/target/classes") + ":/a.jar:/b.jar");
    }
}
