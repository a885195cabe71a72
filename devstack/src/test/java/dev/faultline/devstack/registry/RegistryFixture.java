package dev.faultline.devstack.registry;

import dev.faultline.devstack.kafka.EmbeddedKafka;
import dev.faultline.devstack.kafka.KafkaPrincipal;
import java.nio.file.Path;

/** A real broker with a registry on it, for one test class. */
final class RegistryFixture implements AutoCloseable {

    final EmbeddedKafka kafka;
    SchemaRegistryServer server;
    RegistryHttp http;

    RegistryFixture(Path dir) {
        kafka = EmbeddedKafka.start(dir);
        restart();
    }

    /** Stops the registry (if running) and starts a new one on the same broker. */
    void restart() {
        if (server != null) {
            server.close();
        }
        server = SchemaRegistryServer.start(kafka.clientProperties(KafkaPrincipal.SCHEMA_REGISTRY),
                kafka.config().credentials().registryUsers(), 0);
        http = new RegistryHttp(server.url(), kafka.config().credentials().userInfo(KafkaPrincipal.ADMIN));
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        kafka.close();
    }
}
