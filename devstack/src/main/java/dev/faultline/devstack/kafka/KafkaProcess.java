package dev.faultline.devstack.kafka;

import dev.faultline.devstack.process.ChildJvm;
import dev.faultline.devstack.process.ShutdownHooks;
import dev.faultline.devstack.support.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft broker running as its own child JVM ({@code kafka.Kafka server.properties}, see
 * {@link KafkaServerMain}), the form used by the demo; {@link #start} formats new storage here (with the super
 * users' SCRAM credentials, which thus never appear on the child's command line) and returns once the broker answers
 * the administrator and its principals and ACLs are set up. The child dies with this JVM; {@link #close()} stops it
 * cleanly.
 */
public final class KafkaProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaProcess.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final KafkaBrokerConfig config;
    private final ChildJvm jvm;
    private final Duration startTime;
    private final ShutdownHooks.Registration atExit;

    private KafkaProcess(KafkaBrokerConfig config, ChildJvm jvm, Duration startTime) {
        this.config = config;
        this.jvm = jvm;
        this.startTime = startTime;
        this.atExit = ShutdownHooks.register("Kafka " + config.bootstrapServers(), jvm);
    }

    /** Starts a broker on free ports with its log directory and credentials under {@code workDir}. */
    public static KafkaProcess start(Path workDir) {
        return start(workDir, new KafkaBrokerConfig(workDir.resolve("kafka-logs"), FreePorts.next(), FreePorts.next(),
                KafkaCredentials.loadOrCreate(workDir.resolve("credentials.properties"))));
    }

    /**
     * Starts a broker with {@code config}, formatting its log directory when it is new. The child
     * runs on this JVM's classpath, which carries the Kafka broker jars.
     */
    public static KafkaProcess start(Path workDir, KafkaBrokerConfig config) {
        long started = System.nanoTime();
        FreePorts.requireFree(config.brokerPort(), "Kafka broker");
        FreePorts.requireFree(config.controllerPort(), "Kafka controller");
        Path properties = config.write(workDir);
        EmbeddedKafka.format(config, properties);
        Path logback = writeLogback(workDir);
        ChildJvm jvm = ChildJvm.launch("Kafka", List.of(
                        // a first heap near the broker's live data (~50 MB old) spares the start's full collections
                        "-Xms64m", "-Xmx512m", ChildJvm.YOUNG_GENERATION_CAP, "-XX:MinHeapFreeRatio=10",
                        "-XX:MaxHeapFreeRatio=30", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-XX:+ExitOnOutOfMemoryError", "-Dlogback.configurationFile=" + logback),
                System.getProperty("java.class.path"), KafkaServerMain.class.getName(), List.of(properties.toString()),
                workDir.resolve("kafka.out"));
        try {
            awaitReady(jvm, config);
            KafkaSecuritySetup.apply(config);
        } catch (RuntimeException e) {
            jvm.close();
            throw e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("Kafka broker process up at {} in {} ms (pid {})", config.bootstrapServers(), took.toMillis(), jvm.pid());
        return new KafkaProcess(config, jvm, took);
    }

    private static void awaitReady(ChildJvm jvm, KafkaBrokerConfig config) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        awaitPort(jvm, config.brokerPort(), deadline);
        String bootstrap = config.bootstrapServers();
        Map<String, Object> props = new HashMap<>(config.clientProperties(KafkaPrincipal.ADMIN));
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        try (Admin admin = Admin.create(props)) {
            while (System.nanoTime() < deadline) {
                if (!jvm.isAlive()) {
                    throw new IllegalStateException("Kafka exited during start-up: " + jvm.failureSummary());
                }
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    LOG.debug("Kafka at {} not ready yet: {}", bootstrap, e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Kafka", e);
                }
            }
        }
        throw new IllegalStateException("Kafka did not become ready at " + bootstrap + " within "
                + START_TIMEOUT.toSeconds() + " s: " + jvm.failureSummary());
    }

    /** Waits for the listener first, so that the admin client does not log a warning per retry. */
    private static void awaitPort(ChildJvm jvm, int port, long deadline) {
        while (System.nanoTime() < deadline && jvm.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
                return;
            } catch (IOException e) {
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        }
    }

    private static Path writeLogback(Path workDir) {
        Path file = workDir.resolve("kafka-logback.xml");
        try {
            Files.writeString(file, """
                    <configuration>
                      <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n</pattern></encoder>
                      </appender>
                      <root level="INFO"><appender-ref ref="OUT"/></root>
                    </configuration>
                    """);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    /** Client properties authenticating as {@code principal} at this broker. */
    public Map<String, Object> clientProperties(KafkaPrincipal principal) {
        return config.clientProperties(principal);
    }

    public KafkaBrokerConfig config() {
        return config;
    }

    public Duration startTime() {
        return startTime;
    }

    public long pid() {
        return jvm.pid();
    }

    public OptionalLong rssBytes() {
        return jvm.rssBytes();
    }

    public boolean isRunning() {
        return jvm.isAlive();
    }

    @Override
    public void close() {
        atExit.cancel();
        jvm.close();
    }
}
