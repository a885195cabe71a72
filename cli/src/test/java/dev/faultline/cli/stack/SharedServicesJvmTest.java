package dev.faultline.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedServicesJvmTest {

    private final StackEndpoints stack = new StackEndpoints(StackPorts.demo(), "127.0.0.1:9092", "http://127.0.0.1:8081",
            "127.0.0.1:9042", "datacenter1", Path.of("/tmp/stack/kafka-clients"));

    @Test
    void shouldGiveEachServiceInTheSharedJvmTheSettingsItsOwnJvmWouldHave(@TempDir Path work) throws IOException {
        RepoLayout repo = repo(work.resolve("repo"), "hypothesis-service", "safety-service");
        List<ServiceSpec> services = ServiceCatalog.services(stack, work.resolve("data"), StackKeys.create(work), "256m",
                Map.of("safety-service", List.of("-Dfaultline.safety.approvers=bob")),
                List.of("hypothesis-service", "safety-service"));

        ServiceSpec host = SharedServicesJvm.host(1, services, repo, work.resolve("settings"));

        assertThat(host.name()).isEqualTo("services");
        assertThat(host.mainClass()).isEqualTo("dev.faultline.kit.host.ServiceHost");
        assertThat(host.hosted()).extracting(ServiceSpec::name).containsExactly("hypothesis-service", "safety-service");
        assertThat(host.jvmArgs()).contains("-Xmx" + SharedServicesJvm.HEAP, "-Dlogback.configurationFile=logback-host.xml");
        assertThat(host.args()).hasSize(2);
        Path safetyFile = Path.of(host.args().get(1));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(safetyFile)))
                .as("it names the client secret: this user's alone").isEqualTo("rw-------");
        Properties safety = load(safetyFile);
        assertThat(safety).containsEntry("faultline.host.service", "safety-service")
                .containsEntry("faultline.host.main-class", "dev.faultline.safety.SafetyApplication")
                .containsEntry("faultline.host.config-dir",
                        repo.module("safety-service").resolve("target/classes").toAbsolutePath().toString())
                .containsEntry("faultline.host.classpath", repo.classpath("safety-service"))
                .containsEntry("micronaut.server.port", "8102")
                .containsEntry("faultline.safety.approvers", "bob")
                .containsEntry("faultline.security.client-id", "safety-service")
                .containsEntry("micronaut.config.files", "/tmp/stack/kafka-clients/safety-service.service.properties");
        assertThat(safety.stringPropertyNames()).as("JVM flags stay the JVM's").noneMatch(key -> key.startsWith("X"));
        assertThat(load(Path.of(host.args().get(0)))).containsEntry("micronaut.server.port", "8101")
                .doesNotContainKey("faultline.safety.approvers");
    }

    @Test
    void shouldNameTheSecondInstancesJvm() {
        assertThat(SharedServicesJvm.name(2)).isEqualTo("services-2");
        assertThat(SharedServicesJvm.isHost("services-2")).isTrue();
        assertThat(SharedServicesJvm.isHost("services")).isTrue();
        assertThat(SharedServicesJvm.isHost("safety-service-2")).isFalse();
    }

    @Test
    void shouldRefuseAJvmFlagForOneServiceOfTheSharedJvm(@TempDir Path work) throws IOException {
        RepoLayout repo = repo(work.resolve("repo"), "injector-service/controller");
        ServiceSpec injector = ServiceCatalog.services(stack, work.resolve("data"), StackKeys.create(work), "256m",
                Map.of("injector-service", List.of("-XX:+UseG1GC")), List.of("injector-service")).get(0);

        assertThatThrownBy(() -> SharedServicesJvm.writeSettings(injector, repo, work.resolve("settings")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("injector-service was given the JVM flag -XX:+UseG1GC")
                .hasMessageContaining("--jvm-per-service");
    }

    @Test
    void shouldPutEachLibraryOnTheSharedClasspathOnce(@TempDir Path work) throws IOException {
        RepoLayout repo = repo(work, "a", "b");
        Files.writeString(repo.module("a").resolve("target/runtime.classpath"),
                "/m2/kafka-clients-4.4.0.jar:/m2/micronaut-core-4.10.15.jar");
        Files.writeString(repo.module("b").resolve("target/runtime.classpath"),
                "/m2/micronaut-core-4.10.15.jar:/work/schemas/target/faultline-schemas.jar:/m2/kafka-clients-4.4.0.jar");

        assertThat(repo.classpath(List.of("a", "b")).split(":")).containsExactly(
                repo.module("a").resolve("target/classes").toString(), "/m2/kafka-clients-4.4.0.jar",
                "/m2/micronaut-core-4.10.15.jar", repo.module("b").resolve("target/classes").toString(),
                "/work/schemas/target/faultline-schemas.jar");
    }

    private static RepoLayout repo(Path root, String... modules) throws IOException {
        for (String module : modules) {
            Files.createDirectories(root.resolve(module).resolve("target/classes"));
            Files.writeString(root.resolve(module).resolve("target/runtime.classpath"), "/m2/lib-1.0.jar");
        }
        return new RepoLayout(root);
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }
}
