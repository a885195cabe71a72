package dev.faultline.devstack.kafka;

import dev.faultline.devstack.support.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A real single-node KRaft Kafka broker running inside this JVM, on free loopback ports. */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final KafkaBrokerConfig config;
    private final KafkaRaftServer server;

    private EmbeddedKafka(KafkaBrokerConfig config, KafkaRaftServer server) {
        this.config = config;
        this.server = server;
    }

    /**
     * Formats a fresh log directory under {@code workDir} and starts a broker on it, with its principals' passwords
     * in {@code workDir/credentials.properties}.
     */
    public static EmbeddedKafka start(Path workDir) {
        KafkaBrokerConfig config = new KafkaBrokerConfig(workDir.resolve("kafka-logs"), FreePorts.next(), FreePorts.next(),
                KafkaCredentials.loadOrCreate(workDir.resolve("credentials.properties")));
        return start(workDir, config);
    }

    /**
     * Starts a broker with the given configuration, formatting its log directory when it is new, then creates its
     * principals and ACLs ({@link KafkaAccess}).
     */
    public static EmbeddedKafka start(Path workDir, KafkaBrokerConfig config) {
        long started = System.nanoTime();
        Path propertiesFile = config.write(workDir);
        format(config, propertiesFile);
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config.toProperties(), false), Time.SYSTEM);
        server.startup();
        try {
            KafkaSecuritySetup.apply(config);
        } catch (RuntimeException e) {
            server.shutdown();
            server.awaitShutdown();
            throw e;
        }
        LOG.info("Kafka broker up at {} in {} ms", config.bootstrapServers(), (System.nanoTime() - started) / 1_000_000);
        return new EmbeddedKafka(config, server);
    }

    /** Formats the log directory of {@code config} unless it holds a formatted log already. */
    static void format(KafkaBrokerConfig config, Path propertiesFile) {
        if (Files.exists(config.logDir().resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            StorageTool.execute(config.formatArguments(propertiesFile), out);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka storage: " + captured.toString(StandardCharsets.UTF_8), e);
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

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Kafka broker at {} stopped", config.bootstrapServers());
    }

    /** A fresh temporary work directory, removed by nobody: callers own its lifetime. */
    public static Path tempDir() {
        try {
            return Files.createTempDirectory("faultline-kafka-" + UUID.randomUUID().toString().substring(0, 8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
