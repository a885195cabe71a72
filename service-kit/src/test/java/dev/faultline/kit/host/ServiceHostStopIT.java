package dev.faultline.kit.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.devstack.support.RefusedPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM hosting several services stops promptly on SIGTERM: both its own stop and Micronaut's shutdown hook of each
 * service run then, and they once took the context's and the server's locks in opposite orders — the JVM hung until
 * something killed it, and no service closed its clients.
 */
class ServiceHostStopIT {

    private static final List<String> SERVICES = List.of("first", "second", "third", "fourth");

    @Test
    void shouldStopEveryHostedServiceAndExitOnSigterm(@TempDir Path dir) throws Exception {
        RefusedPort kafka = RefusedPort.open();
        String classpath = System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath, ServiceHost.class.getName()));
        for (String service : SERVICES) {
            Path config = Files.createDirectories(dir.resolve(service));
            command.add(Files.writeString(dir.resolve(service + ".properties"), String.join("\n",
                    "faultline.host.service=" + service,
                    "faultline.host.main-class=" + ServiceHostStopIT.class.getName(),
                    "faultline.host.config-dir=" + config,
                    "faultline.host.classpath=" + classpath,
                    "micronaut.application.name=" + service,
                    "micronaut.server.port=-1",
                    "faultline.kafka.bootstrap-servers=" + kafka.address())).toString());
        }
        Path log = dir.resolve("host.log");
        Process host = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try (kafka) {
            await().atMost(Duration.ofSeconds(120)).until(() -> !host.isAlive()
                    || Files.readAllLines(log).stream().filter(line -> line.contains("ServiceHost - ")
                    && line.contains(" started in ")).count() == SERVICES.size());
            assertThat(host.isAlive()).as("the host started its services: %s", Files.readString(log)).isTrue();

            long signalled = System.nanoTime();
            host.destroy();

            assertThat(host.waitFor(15, TimeUnit.SECONDS)).as("the JVM exits once its services stopped: %s",
                    tail(log)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(15));
            assertThat(Files.readAllLines(log)).filteredOn(line -> line.contains("Embedded Application shutting down"))
                    .as("every service's server stopped").hasSize(SERVICES.size());
            assertThat(Files.readAllLines(log)).filteredOn(line -> line.contains("ServiceHost - stopping"))
                    .as("no stop failed (a stop racing Micronaut's hook once looked its server up anew)").isEmpty();
        } finally {
            host.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
