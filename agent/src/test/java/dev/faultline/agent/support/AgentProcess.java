package dev.faultline.agent.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.agent.client.AgentClient;
import dev.faultline.clearance.ClearanceClaims;
import dev.faultline.clearance.ClearanceKeyPair;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The agent as its own process, started from the shaded jar ({@code java -jar faultline-agent.jar})
 * with a config file written for the test: its own port, token, state directory and allow-list, and the public
 * key of a signing key of its own ({@link #clearance()} signs with it, as safety-service would).
 * The JVM's heap is small and touched up front so that its resident set stays still while the
 * memory test measures it.
 */
public final class AgentProcess implements AutoCloseable {

    private static final Duration START_DEADLINE = Duration.ofSeconds(30);

    /** What a test lets the agent touch. */
    public record Settings(Path stateDirectory, List<String> processes, List<String> directories, long diskFloorMegabytes) {
        public Settings withStateDirectory(Path dir) {
            return new Settings(dir, processes, directories, diskFloorMegabytes);
        }
    }

    private final Process process;
    private final int port;
    private final String token;
    private final Path log;
    private final AgentClient client;
    private final ClearanceKeyPair keys;

    private AgentProcess(Process process, int port, String token, Path log, ClearanceKeyPair keys) {
        this.process = process;
        this.port = port;
        this.token = token;
        this.log = log;
        this.keys = keys;
        this.client = new AgentClient(url(), token);
    }

    /** Starts an agent and waits (up to 30 s) until it answers its health check. */
    public static AgentProcess start(Path workDir, Settings settings) {
        try {
            int port = freePort();
            String token = "it-" + UUID.randomUUID();
            ClearanceKeyPair keys = ClearanceKeyPair.generate("agent-it");
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("port", port);
            config.put("token", token);
            config.put("publicKeys", Map.of(keys.keyId(), keys.publicKeyBase64()));
            config.put("stateDirectory", settings.stateDirectory().toString());
            config.put("allow", Map.of("processes", settings.processes(), "directories", settings.directories()));
            config.put("diskFloorMegabytes", settings.diskFloorMegabytes());
            config.put("sweepMillis", 50);
            Path configFile = Files.createTempFile(workDir, "agent-", ".json");
            new ObjectMapper().writeValue(configFile.toFile(), config);
            Path log = Files.createTempFile(workDir, "agent-", ".log");
            Process process = new ProcessBuilder(Java.binary(), "-Xms32m", "-Xmx32m", "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-jar", jar().getAbsolutePath(), "--config", configFile.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                AgentProcess agent = new AgentProcess(process, port, token, log, keys);
                await("agent answering /health (log " + log + ")").atMost(START_DEADLINE).pollInterval(Duration.ofMillis(50))
                        .until(() -> {
                            if (!process.isAlive()) {
                                throw new IllegalStateException("agent exited " + process.exitValue() + ": " + Files.readString(log));
                            }
                            return agent.client.healthy();
                        });
                return agent;
            } catch (RuntimeException | Error e) {
                process.destroyForcibly();  // never leave an agent behind a failed start
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static File jar() {
        File jar = new File(System.getProperty("agent.jar", "target/faultline-agent.jar"));
        if (!jar.exists()) {
            throw new IllegalStateException(jar + " is missing: run `mvn -pl agent -am verify` (package runs first)");
        }
        return jar;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String token() {
        return token;
    }

    public AgentClient client() {
        return client;
    }

    /** A fresh clearance this agent accepts: signed with the key whose public half it was configured with. */
    public ClearanceClaims clearance() {
        Instant now = Instant.now();
        return keys.signer().sign(ClearanceClaims.unsigned("exp-agent-it", UUID.randomUUID().toString(), 1, "STAGING",
                now, now.plus(Duration.ofMinutes(10))));
    }

    public long pid() {
        return process.pid();
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** SIGKILL: the agent gets no chance to undo anything. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM (the agent removes its faults on the way out), then waits for it to exit. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
