package dev.faultline.devstack.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.Uuid;

/**
 * Configuration of a single-node KRaft broker (broker and controller in one), written to a
 * {@code server.properties} so the same settings serve the in-process broker and the
 * broker run as its own process.
 *
 * <p>Security is on: clients authenticate with SASL/SCRAM-SHA-256 on the client listener (the broker reaches itself
 * there too, as the transaction coordinator does), the controller listener takes SASL/PLAIN with the broker's own
 * user only (KRaft's controller cannot use SCRAM, whose credentials live in the metadata it serves), the
 * {@code StandardAuthorizer} denies whatever {@link KafkaAccess} does not allow, and the broker and the stack's
 * administrator are the super users. No port accepts an unauthenticated client.
 */
public record KafkaBrokerConfig(Path logDir, int brokerPort, int controllerPort, KafkaCredentials credentials) {

    /** The SCRAM credentials written into the metadata when the storage is formatted: the two super users. */
    public static final List<KafkaPrincipal> BOOTSTRAPPED = List.of(KafkaPrincipal.BROKER, KafkaPrincipal.ADMIN);

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "CLIENT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "CLIENT://127.0.0.1:" + brokerPort);
        p.setProperty("listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "CLIENT");
        String broker = KafkaPrincipal.BROKER.username();
        String brokerPassword = credentials.password(KafkaPrincipal.BROKER);
        p.setProperty("listener.name.client.sasl.enabled.mechanisms", KafkaCredentials.MECHANISM);
        p.setProperty("sasl.mechanism.inter.broker.protocol", KafkaCredentials.MECHANISM);
        p.setProperty("listener.name.client.scram-sha-256.sasl.jaas.config",
                KafkaCredentials.scramJaas(broker, brokerPassword));
        p.setProperty("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.setProperty("sasl.mechanism.controller.protocol", "PLAIN");
        p.setProperty("listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + broker
                        + "\" password=\"" + brokerPassword + "\" user_" + broker + "=\"" + brokerPassword + "\";");
        p.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.setProperty("allow.everyone.if.no.acl.found", "false");
        p.setProperty("super.users", KafkaPrincipal.BROKER.principal() + ";" + KafkaPrincipal.ADMIN.principal());
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
        // the log cleaner's key map for compacted topics, on the heap for good once the cleaner starts: 128 MiB by
        // default, 4 MiB here (a pass cleans up to ~170,000 keys; a development stack has thousands)
        p.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(4 * 1024 * 1024));
        // Faultline's topics are an audit trail: nothing is deleted by age unless a topic says so.
        p.setProperty("log.retention.ms", "-1");
        p.setProperty("log.retention.hours", "-1");
        return p;
    }

    /** {@code kafka-storage format} arguments: a new cluster id, standalone, the super users' SCRAM credentials. */
    public String[] formatArguments(Path propertiesFile) {
        List<String> args = new ArrayList<>(List.of("format", "--standalone", "-t",
                Uuid.randomUuid().toString(), "-c", propertiesFile.toString()));
        for (KafkaPrincipal principal : BOOTSTRAPPED) {
            args.add("--add-scram");
            args.add(credentials.formatCredential(principal));
        }
        return args.toArray(String[]::new);
    }

    /** Client properties authenticating as {@code principal} at this broker. */
    public Map<String, Object> clientProperties(KafkaPrincipal principal) {
        return credentials.clientProperties(principal, bootstrapServers());
    }

    /** Writes {@code server.properties} (owner-readable only: it holds the broker's password) into {@code dir}. */
    public Path write(Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("server.properties");
            KafkaCredentials.writeOwnerOnly(file, toProperties(), "Faultline devstack single-node KRaft broker");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write server.properties in " + dir, e);
        }
    }
}
