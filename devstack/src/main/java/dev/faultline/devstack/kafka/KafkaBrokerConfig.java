package dev.faultline.devstack.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Configuration of a single-node KRaft broker (broker and controller in one), written to a
 * {@code server.properties} so the same settings serve the in-process broker and the
 * broker run as its own process.
 */
public record KafkaBrokerConfig(Path logDir, int brokerPort, int controllerPort) {

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        p.setProperty("num.partitions", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "4");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "4");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "true");
        // Faultline's topics are an audit trail: nothing is deleted by age unless a topic says so.
        p.setProperty("log.retention.ms", "-1");
        p.setProperty("log.retention.hours", "-1");
        return p;
    }

    /** Writes {@code server.properties} into {@code dir} and returns its path. */
    public Path write(Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(file)) {
                toProperties().store(out, "Faultline devstack single-node KRaft broker");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write server.properties in " + dir, e);
        }
    }
}
