package dev.faultline.injector.it;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.agent.AgentMain;
import dev.faultline.agent.client.AgentClient;
import dev.faultline.clearance.ClearanceKeyPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * faultline-agent as its own process for the injector's ITs: {@link AgentMain} in a child JVM on this test JVM's
 * classpath (the agent module's classes are a dependency of the injector; its shaded jar is only built when the agent
 * module is packaged in the same reactor), with a config file of its own — port, token, the public key of the test's
 * clearance signing key, state directory, allow-list.
 * Its heap is small and touched up front so that its resident set holds still while a memory fault is measured.
 * {@link #kill9()} and {@link #restart()} on the same port and state directory: what an agent that crashed and came
 * back does.
 */
public final class HostAgent implements AutoCloseable {

    private static final Duration START_DEADLINE = Duration.ofSeconds(60);

    private final Path config;
    private final Path log;
    private final int port;
    private final String token;
    private final AgentClient client;
    private Process process;

    private HostAgent(Path config, Path log, int port, String token) {
        this.config = config;
        this.log = log;
        this.port = port;
        this.token = token;
        this.client = new AgentClient(url(), token);
    }

    /**
     * Starts an agent accepting {@code token} and clearances signed with {@code clearanceKeys}, allowed to touch the
     * processes {@code processes} match and the directories {@code directories}, journalling into
     * {@code workDir/state}; waits until it answers /health.
     */
    public static HostAgent start(Path workDir, String token, ClearanceKeyPair clearanceKeys, List<String> processes,
                                  List<String> directories) {
        try {
            int port = freePort();
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("port", port);
            settings.put("token", token);
            settings.put("publicKeys", Map.of(clearanceKeys.keyId(), clearanceKeys.publicKeyBase64()));
            settings.put("stateDirectory", workDir.resolve("state").toString());
            settings.put("allow", Map.of("processes", processes, "directories", directories));
            settings.put("diskFloorMegabytes", 64);
            settings.put("sweepMillis", 50);
            Path config = workDir.resolve("agent.json");
            new ObjectMapper().writeValue(config.toFile(), settings);
            HostAgent agent = new HostAgent(config, workDir.resolve("agent.log"), port, token);
            agent.launch();
            return agent;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void launch() throws IOException {
        Process started = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms32m", "-Xmx32m", "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), AgentMain.class.getName(), "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        process = started;
        try {
            await("agent answering /health (log " + log + ")").atMost(START_DEADLINE).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!started.isAlive()) {
                            throw new IllegalStateException("agent exited " + started.exitValue() + ": " + log());
                        }
                        return client.healthy();
                    });
        } catch (RuntimeException | Error e) {
            started.destroyForcibly();
            throw e;
        }
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

    /** SIGKILL: the agent undoes nothing; its journal stays in the state directory. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts the agent again on the same port, config and state directory (after {@link #kill9()}). */
    public void restart() throws IOException {
        launch();
    }

    /** SIGTERM: the agent removes what it holds on the way out. */
    @Override
    public void close() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
