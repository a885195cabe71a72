package dev.faultline.devstack;

import dev.faultline.devstack.cassandra.CassandraNode;
import dev.faultline.devstack.issuer.LocalIssuer;
import dev.faultline.devstack.kafka.KafkaProcess;
import dev.faultline.devstack.registry.SchemaRegistryServer;
import dev.faultline.devstack.support.WorkDirs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts {@link DevStackMain} started, stopped in order: the token issuer, the registry (a Kafka client), then
 * Kafka, with Cassandra stopping alongside; then the throwaway data directory is deleted.
 */
final class RunningStack implements AutoCloseable {

    private final Path dataDir;
    private final boolean deleteAtExit;
    private final List<Runnable> closeListeners = new ArrayList<>();
    private KafkaProcess kafka;
    private SchemaRegistryServer registry;
    private LocalIssuer issuer;
    private CassandraNode cassandra;
    private boolean closed;

    RunningStack(Path dataDir, boolean deleteAtExit) {
        this.dataDir = dataDir;
        this.deleteAtExit = deleteAtExit;
    }

    synchronized KafkaProcess kafka(KafkaProcess started) {
        this.kafka = started;
        return started;
    }

    synchronized SchemaRegistryServer registry(SchemaRegistryServer started) {
        this.registry = started;
        return started;
    }

    synchronized LocalIssuer issuer(LocalIssuer started) {
        this.issuer = started;
        return started;
    }

    synchronized CassandraNode cassandra(CassandraNode started) {
        this.cassandra = started;
        return started;
    }

    synchronized void onClose(Runnable listener) {
        closeListeners.add(listener);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeListeners.forEach(Runnable::run);
        if (cassandra != null) {
            cassandra.requestStop();
        }
        if (issuer != null) {
            issuer.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (cassandra != null) {
            cassandra.close();
        }
        if (deleteAtExit) {
            WorkDirs.deleteRecursively(dataDir);
        }
    }
}
