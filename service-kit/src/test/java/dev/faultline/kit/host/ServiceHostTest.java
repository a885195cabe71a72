package dev.faultline.kit.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.devstack.support.RefusedPort;
import io.micrometer.core.instrument.binder.logging.LogbackMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceHostTest {

    private static final String INDEX = "META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference";

    @Test
    void shouldReadAServicesSettingsWithItsCredentialsFileBelowThem(@TempDir Path dir) throws IOException {
        Path credentials = Files.writeString(dir.resolve("kafka.properties"),
                "faultline.kafka.username=safety-service\nfaultline.kafka.password=s3cret\nmicronaut.server.port=1\n");
        Path settings = Files.writeString(dir.resolve("safety.properties"), String.join("\n",
                "faultline.host.service=safety-service",
                "faultline.host.main-class=dev.faultline.safety.SafetyApplication",
                "faultline.host.config-dir=" + dir.resolve("classes"),
                "faultline.host.classpath=" + dir.resolve("classes") + ":/m2/lib-1.0.jar",
                "micronaut.config.files=" + credentials,
                "micronaut.server.port=8102"));

        ServiceHost.Hosted hosted = ServiceHost.Hosted.read(settings);

        assertThat(hosted.name()).isEqualTo("safety-service");
        assertThat(hosted.mainClass()).isEqualTo("dev.faultline.safety.SafetyApplication");
        assertThat(hosted.configDir()).isEqualTo(dir.resolve("classes"));
        assertThat(hosted.classpath()).containsExactly(dir.resolve("classes").toString(), "/m2/lib-1.0.jar");
        assertThat(hosted.settings()).as("its own settings over its credentials file's, and nothing of the host's")
                .containsEntry("micronaut.server.port", "8102")
                .containsEntry("faultline.kafka.password", "s3cret")
                .doesNotContainKeys("micronaut.config.files", "faultline.host.service", "faultline.host.classpath");
    }

    @Test
    void shouldSayWhichSettingASettingsFileLacks(@TempDir Path dir) throws IOException {
        Path settings = Files.writeString(dir.resolve("bad.properties"), "faultline.host.service=x\n");

        assertThatThrownBy(() -> ServiceHost.Hosted.read(settings)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(settings.toString()).hasMessageContaining("faultline.host.main-class");
        assertThatThrownBy(() -> ServiceHost.Hosted.read(dir.resolve("missing.properties")))
                .hasMessageContaining("cannot read the settings file");
    }

    @Test
    void shouldTurnOffTheBeansOfEveryEntryThatIsNotOnTheServicesOwnClasspath(@TempDir Path dir) throws IOException {
        Path own = classesWith(dir.resolve("hypothesis/classes"), "dev.faultline.hypothesis.$ProposalController$Definition");
        Path other = classesWith(dir.resolve("safety/classes"), "dev.faultline.safety.$StateListener$Definition",
                "dev.faultline.safety.$PreflightController$Definition");
        Path sharedLib = jarWith(dir.resolve("m2/micronaut-kafka-5.9.0.jar"), "io.micronaut.kafka.$Factory$Definition");
        Path streams = jarWith(dir.resolve("m2/micronaut-kafka-streams-5.9.0.jar"),
                "io.micronaut.configuration.kafka.streams.$KafkaStreamsFactory$Definition");
        // the same library at another path (Maven's repository rather than a module's target/) is the same entry
        Path sameLib = dir.resolve("elsewhere/micronaut-kafka-5.9.0.jar");

        ServiceHost.ForeignBeans foreign = ServiceHost.ForeignBeans.of("hypothesis-service",
                List.of(own.toString(), sameLib.toString()),
                List.of(own.toString(), other.toString(), sharedLib.toString(), streams.toString()));

        assertThat(foreign.definitions()).containsExactlyInAnyOrder("dev.faultline.safety.$StateListener$Definition",
                "dev.faultline.safety.$PreflightController$Definition",
                "io.micronaut.configuration.kafka.streams.$KafkaStreamsFactory$Definition");
        assertThat(foreign.isEnabled(null, null)).isFalse();
        assertThat(foreign.isWithin("dev.faultline.safety.$StateListener$Definition")).isTrue();
        assertThat(foreign.isWithin("dev.faultline.hypothesis.$ProposalController$Definition")).isFalse();
        assertThat(foreign.getName()).isEqualTo("beans not on the classpath of hypothesis-service");
    }

    @Test
    void shouldGiveAHostedServiceTheBeansItWouldHaveInAJvmOfItsOwn(@TempDir Path dir) throws Exception {
        try (RefusedPort kafka = RefusedPort.open()) {
            Map<String, Object> settings = Map.of("micronaut.server.port", -1, "micronaut.application.name", "hosted",
                    "faultline.kafka.bootstrap-servers", kafka.address());
            ServiceHost.Hosted hosted = new ServiceHost.Hosted("hosted", ServiceHostTest.class.getName(), dir,
                    List.of(), settings);
            try (ApplicationContext alone = Micronaut.build(new String[0]).mainClass(ServiceHostTest.class)
                    .overrideConfigLocations("file:" + dir.toAbsolutePath() + "/").properties(settings).start();
                 ApplicationContext inHost = hosted.start(new ServiceHost.ForeignBeans("hosted", Set.of()))) {

                Set<String> expected = beanTypes(alone);
                // the one deliberate difference: the service's own log event counts instead of the whole JVM's
                assertThat(expected.removeAll(Set.of(LogbackMetrics.class.getName(),
                        "io.micronaut.configuration.metrics.binder.logging.LogbackMeterRegistryBinderFactory"))).isTrue();
                expected.add(ServiceLogEvents.class.getName());
                assertThat(beanTypes(inHost)).as("nothing foreign: the same beans as alone, the libraries' own"
                        + " conditions kept (Micrometer's logging registry and X.509 authentication stay off)")
                        .isEqualTo(expected).doesNotContain(
                                "io.micrometer.core.instrument.logging.LoggingMeterRegistry",
                                "io.micronaut.security.x509.X509AuthenticationFetcher");
                assertThat(inHost.getBean(CompositeMeterRegistry.class).getRegistries())
                        .as("one registry under the composite, Prometheus's: each meter bound once")
                        .singleElement().isInstanceOf(PrometheusMeterRegistry.class);
            }
        }
    }

    private static Set<String> beanTypes(ApplicationContext context) {
        Set<String> types = new TreeSet<>();
        context.getAllBeanDefinitions().forEach(definition -> types.add(definition.getBeanType().getName()));
        return types;
    }

    private static Path classesWith(Path classes, String... definitions) throws IOException {
        Path index = Files.createDirectories(classes.resolve(INDEX));
        for (String definition : definitions) {
            Files.createFile(index.resolve(definition));
        }
        return classes;
    }

    private static Path jarWith(Path jar, String... definitions) throws IOException {
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(INDEX + "/"));
            out.closeEntry();
            for (String definition : definitions) {
                out.putNextEntry(new JarEntry(INDEX + "/" + definition));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("io/micronaut/Some.class"));
            out.closeEntry();
        }
        return jar;
    }
}
