package dev.faultline.devstack.containers;

import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.cassandra.CassandraEndpoint;
import dev.faultline.devstack.container.RegistryMain;
import dev.faultline.devstack.issuer.IssuerUsers;
import dev.faultline.devstack.issuer.LocalIssuer;
import dev.faultline.devstack.kafka.KafkaCredentials;
import dev.faultline.devstack.kafka.KafkaSecuritySetup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * The devstack in containers, for the same tests as the embedded one ({@code -Dfaultline.devstack=containers}): Kafka
 * from the {@code faultline/devstack} image through Testcontainers' {@code KafkaContainer} (the image follows
 * apache/kafka's contract), with SASL/SCRAM and the ACLs of {@code KafkaAccess} as on the embedded broker; the schema
 * registry as a container of the same image, reaching the broker over the container network; Cassandra from the
 * {@code faultline/cassandra} image on first use; the token issuer stays in this JVM (the services only fetch its
 * keys). The images are built by {@code deploy/docker/build-images.sh}; nothing is pulled.
 */
public final class ContainerDevStack {

    /** The devstack image: Kafka (default command), the registry, the issuer. */
    public static final DockerImageName DEVSTACK = DockerImageName.parse("faultline/devstack:dev");
    public static final DockerImageName CASSANDRA = DockerImageName.parse("faultline/cassandra:dev");

    private static final Logger LOG = LoggerFactory.getLogger(ContainerDevStack.class);
    /** The broker's name on the container network, where the registry reaches it. */
    private static final String KAFKA_ALIAS = "kafka";

    private ContainerDevStack() {
    }

    /** Starts Kafka and the registry (Cassandra waits for its first use); the stack closes all of them. */
    public static DevStack start(Path workDir) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("faultline.devstack=containers, but no Docker engine answers; run "
                    + "scripts/prepare-docker.sh (and deploy/docker/build-images.sh) first");
        }
        long started = System.nanoTime();
        KafkaCredentials credentials = KafkaCredentials.generate();
        Network network = Network.newNetwork();
        SaslKafkaContainer kafka = new SaslKafkaContainer(DEVSTACK, credentials);
        kafka.withNetwork(network).withListener(KAFKA_ALIAS + ":19092");
        GenericContainer<?> registry = null;
        LocalIssuer issuer = null;
        try {
            kafka.start();
            KafkaSecuritySetup.apply(credentials, kafka.getBootstrapServers());
            registry = new GenericContainer<>(DEVSTACK).withNetwork(network)
                    .withCopyToContainer(Transferable.of(registryConfig(credentials), 0600), "/etc/faultline/registry.properties")
                    .withCommand("java", "-Dlogback.configurationFile=/etc/kafka/docker/logback.xml", "-Xmx96m",
                            "@/app/classpath", "dev.faultline.devstack.container.RegistryMain", "--port", "8081",
                            "--config", "/etc/faultline/registry.properties")
                    .withExposedPorts(8081)
                    .waitingFor(Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(2)));
            registry.start();
            issuer = LocalIssuer.start(IssuerUsers.bundled(), 0);
        } catch (RuntimeException e) {
            if (registry != null) {
                registry.stop();
            }
            kafka.stop();
            network.close();
            throw e;
        }
        String registryUrl = "http://" + registry.getHost() + ":" + registry.getMappedPort(8081);
        LOG.info("devstack in containers up in {} ms: Kafka {}, schema registry {}, token issuer {}",
                (System.nanoTime() - started) / 1_000_000, kafka.getBootstrapServers(), registryUrl, issuer.url());
        GenericContainer<?> registryContainer = registry;
        return new DevStack(workDir, kafka.getBootstrapServers(), credentials, () -> {
            kafka.stop();
            network.close();
        }, registryUrl, registryContainer::stop, issuer, dir -> startCassandra(network));
    }

    private static CassandraEndpoint startCassandra(Network network) {
        GenericContainer<?> node = new GenericContainer<>(CASSANDRA).withNetwork(network)
                .withEnv("CASSANDRA_HEAP", "384m")
                .withExposedPorts(9042)
                .waitingFor(Wait.forLogMessage(".*Startup complete.*", 1).withStartupTimeout(Duration.ofMinutes(3)));
        node.start();
        return new CassandraEndpoint() {
            @Override
            public String host() {
                return node.getHost();
            }

            @Override
            public int port() {
                return node.getMappedPort(9042);
            }

            @Override
            public String localDatacenter() {
                return "datacenter1";
            }

            @Override
            public void close() {
                node.stop();
            }
        };
    }

    /** The registry's Kafka principal (on the network listener) and its writers, as RegistryMain reads them. */
    private static String registryConfig(KafkaCredentials credentials) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            RegistryMain.config(credentials, KAFKA_ALIAS + ":19092").store(out, "the schema registry's principal and writers");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
