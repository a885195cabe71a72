package dev.faultline.devstack.container;

import dev.faultline.devstack.kafka.KafkaCredentials;
import dev.faultline.devstack.kafka.KafkaPrincipal;
import dev.faultline.devstack.registry.SchemaRegistryServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The devstack's schema registry as a container's process, on every interface:
 * {@code RegistryMain [--port 8081] --config FILE}, where FILE (a mounted secret) holds the registry's Kafka client
 * settings as {@code kafka.<key>} and its writers as {@code writer.<username>=<password>}. Stops on SIGTERM.
 */
public final class RegistryMain {

    static final String USAGE = "usage: RegistryMain [--port 8081] --config FILE (env PORT, CONFIG)\n";

    private RegistryMain() {
    }

    /**
     * The {@code --config} file's content for a registry storing in the cluster at {@code bootstrapServers}: its own
     * principal's client settings and, as its writers, {@link KafkaCredentials#registryUsers()}.
     */
    public static Properties config(KafkaCredentials credentials, String bootstrapServers) {
        Properties props = new Properties();
        credentials.clientProperties(KafkaPrincipal.SCHEMA_REGISTRY, bootstrapServers)
                .forEach((key, value) -> props.setProperty("kafka." + key, value.toString()));
        credentials.registryUsers().forEach((user, password) -> props.setProperty("writer." + user, password));
        return props;
    }

    public static void main(String[] args) throws InterruptedException {
        ContainerArgs options = ContainerArgs.parse(args, Set.of("--port", "--config"), USAGE);
        Properties config = ContainerArgs.load(Path.of(options.require("--config", USAGE)));
        Map<String, Object> kafka = new HashMap<>(ContainerArgs.prefixed(config, "kafka."));
        Map<String, String> writers = ContainerArgs.prefixed(config, "writer.");
        SchemaRegistryServer registry = SchemaRegistryServer.start(kafka, writers,
                new InetSocketAddress("0.0.0.0", options.number("--port", 8081)));
        Runtime.getRuntime().addShutdownHook(new Thread(registry::close, "registry-stop"));
        new CountDownLatch(1).await();
    }
}
