package dev.faultline.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.dataplane.support.ApiClient;
import dev.faultline.dataplane.support.Probe;
import dev.faultline.dataplane.support.TestUpstream;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data plane runs on its own: the shaded jar is started as a separate JVM with a
 * Toxiproxy config file, and traffic flows (and is faulted) through it with no other
 * Faultline process around.
 */
class StandaloneDataPlaneIT {

    @TempDir
    Path dir;

    @Test
    void shouldRunAloneFromItsJar() throws Exception {
        File jar = new File(System.getProperty("dataplane.jar", "target/faultline-dataplane-0.1.0-SNAPSHOT-all.jar"));
        assertThat(jar).as("run `mvn package` first").exists();
        int apiPort = freePort();
        int proxyPort = freePort();
        try (TestUpstream echo = TestUpstream.echo()) {
            Path config = dir.resolve("proxies.json");
            Files.writeString(config, "[{\"name\": \"cache\", \"listen\": \"127.0.0.1:" + proxyPort + "\", \"upstream\": \"" + echo.address() + "\"}]");
            Process process = new ProcessBuilder(javaBinary(), "-Xmx128m", "-jar", jar.getAbsolutePath(),
                    "--port", String.valueOf(apiPort), "--config", config.toString(), "--default-lease", "5m")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("dataplane.log").toFile()).start();
            try {
                ApiClient api = new ApiClient(apiPort);
                await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> api.get("/version").status() == 200);
                assertThat(api.get("/proxies/cache").json().get("listen").asText()).isEqualTo("127.0.0.1:" + proxyPort);

                String listen = "127.0.0.1:" + proxyPort;
                Duration baseline = Probe.medianRoundTrip(listen, 5);
                ApiClient.Answer toxic = api.post("/proxies/cache/toxics", "{\"type\": \"latency\", \"attributes\": {\"latency\": 150}}");
                assertThat(toxic.status()).isEqualTo(200);
                assertThat(toxic.json().at("/lease/ttl_ms").asLong()).isEqualTo(300_000);
                assertThat(Probe.medianRoundTrip(listen, 3).minus(baseline).toMillis()).isBetween(135L, 400L);
                try (Socket s = Probe.connect(listen)) {
                    assertThat(s.isConnected()).isTrue();
                }
            } finally {
                process.destroy();
                assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
            }
            assertThat(Files.readString(dir.resolve("dataplane.log"))).contains("populated 1 L4 and 0 L7 (HTTP) proxies", "fault data plane stopped");
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
