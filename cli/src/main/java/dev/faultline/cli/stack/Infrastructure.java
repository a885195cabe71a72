package dev.faultline.cli.stack;

import dev.faultline.devstack.cassandra.CassandraNode;
import dev.faultline.devstack.cassandra.SchemaTemplates;
import dev.faultline.devstack.issuer.IssuerUsers;
import dev.faultline.devstack.issuer.LocalIssuer;
import dev.faultline.devstack.kafka.KafkaBrokerConfig;
import dev.faultline.devstack.kafka.KafkaCredentials;
import dev.faultline.devstack.kafka.KafkaPrincipal;
import dev.faultline.devstack.kafka.KafkaProcess;
import dev.faultline.devstack.registry.SchemaRegistryServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The devstack part of the local stack, started the way {@code faultline devstack} starts it:
 * Kafka in its own JVM (SASL/SCRAM and ACLs; each principal's settings written by {@link StackCredentials}), the
 * schema registry and the token issuer (the users of {@code deploy/users.yaml}, as bundled
 * with the devstack) inside this JVM, Cassandra in its own JVM, started beside Kafka (neither waits for the other).
 * Kafka and Cassandra can be killed and started again on the same ports and data directories ({@link #kill},
 * {@link #restart}: the reliability suite's outages).
 */
final class Infrastructure implements AutoCloseable {

    /** The processes of the devstack that {@link #kill} and {@link #restart} know. */
    static final List<String> PROCESSES = List.of("kafka", "cassandra");

    private final Path dataDir;
    private final StackPorts ports;
    private volatile KafkaProcess kafka;
    private final SchemaRegistryServer registry;
    private final LocalIssuer issuer;
    private volatile CassandraNode cassandra;
    private final Path kafkaClients;
    private final Optional<SchemaTemplates.Template> schema;

    private Infrastructure(Path dataDir, StackPorts ports, KafkaProcess kafka, SchemaRegistryServer registry,
                           LocalIssuer issuer, CassandraNode cassandra, Path kafkaClients,
                           Optional<SchemaTemplates.Template> schema) {
        this.dataDir = dataDir;
        this.ports = ports;
        this.kafka = kafka;
        this.kafkaClients = kafkaClients;
        this.registry = registry;
        this.issuer = issuer;
        this.cassandra = cassandra;
        this.schema = schema;
    }

    /**
     * @param schema the Cassandra schema the services' code created in an earlier stack, if kept ({@link SchemaTemplates}):
     *               the new node starts with it
     */
    static Infrastructure start(Path dataDir, StackPorts ports, Optional<SchemaTemplates.Template> schema,
                                Consumer<String> progress) {
        boolean seeded = schema.map(template -> template.seed(dataDir.resolve("cassandra"))).orElse(false);
        // Cassandra needs nothing of Kafka, the registry or the issuer: it comes up beside them (each its own
        // child JVM, so the two starts overlap instead of adding up)
        CompletableFuture<CassandraNode> cassandraStart = CompletableFuture.supplyAsync(
                () -> CassandraNode.start(dataDir.resolve("cassandra"), ports.cassandra(), ports.cassandraStorage()),
                task -> new Thread(task, "cassandra-start").start());
        KafkaProcess kafka = null;
        SchemaRegistryServer registry = null;
        LocalIssuer issuer = null;
        try {
            KafkaCredentials credentials = KafkaCredentials.loadOrCreate(dataDir.resolve("kafka/credentials.properties"));
            kafka = KafkaProcess.start(dataDir.resolve("kafka"),
                    new KafkaBrokerConfig(dataDir.resolve("kafka/kafka-logs"), ports.kafka(), ports.kafkaController(),
                            credentials));
            Path kafkaClients = StackCredentials.write(credentials, kafka.bootstrapServers(), dataDir.resolve("kafka/clients"));
            progress.accept(String.format("kafka      %-26s %5.1f s  pid %d", kafka.bootstrapServers(),
                    kafka.startTime().toMillis() / 1000.0, kafka.pid()));
            long started = System.nanoTime();
            registry = SchemaRegistryServer.start(kafka.clientProperties(KafkaPrincipal.SCHEMA_REGISTRY),
                    credentials.registryUsers(), ports.registry());
            progress.accept(String.format("registry   %-26s %5.1f s  (in this JVM)", registry.url(),
                    (System.nanoTime() - started) / 1e9));
            issuer = LocalIssuer.start(IssuerUsers.bundled(), ports.issuer());
            progress.accept(String.format("issuer     %-26s        (in this JVM; users of deploy/users.yaml)", issuer.url()));
            CassandraNode cassandra = awaitCassandra(cassandraStart);
            progress.accept(String.format("cassandra  %-26s %5.1f s  pid %d (started beside Kafka%s)", cassandra.address(),
                    cassandra.startTime().toMillis() / 1000.0, cassandra.pid(),
                    seeded ? "; the schema of the last stack of this code" : ""));
            return new Infrastructure(dataDir, ports, kafka, registry, issuer, cassandra, kafkaClients, schema);
        } catch (RuntimeException | Error e) {
            if (issuer != null) {
                issuer.close();
            }
            if (registry != null) {
                registry.close();
            }
            if (kafka != null) {
                kafka.close();
            }
            // whether it came up or not: a node that did is stopped, not left running
            cassandraStart.handle((cassandra, failure) -> {
                if (cassandra != null) {
                    cassandra.close();
                }
                return null;
            }).join();
            throw e;
        }
    }

    private static CassandraNode awaitCassandra(CompletableFuture<CassandraNode> start) {
        try {
            return start.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** SIGKILL to {@code kafka} or {@code cassandra} (no clean shutdown); returns once it is dead. */
    synchronized void kill(String name) {
        long pid = switch (name) {
            case "kafka" -> kafka.pid();
            case "cassandra" -> cassandra.pid();
            default -> throw new IllegalArgumentException("no devstack process named " + name + "; known: " + PROCESSES);
        };
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().join();
        });
        if (name.equals("kafka")) {
            kafka.close(); // dead already: forgets its shutdown hook
        } else {
            cassandra.close();
        }
    }

    /**
     * Stops {@code kafka} or {@code cassandra} if it still runs and starts it again on the same ports and data directory
     * (Kafka's storage is formatted only once; its principals and ACLs are applied again, which changes nothing).
     */
    synchronized void restart(String name) {
        switch (name) {
            case "kafka" -> {
                kafka.close();
                kafka = KafkaProcess.start(dataDir.resolve("kafka"), kafka.config());
            }
            case "cassandra" -> {
                cassandra.close();
                cassandra = CassandraNode.start(dataDir.resolve("cassandra"), ports.cassandra(), ports.cassandraStorage());
            }
            default -> throw new IllegalArgumentException("no devstack process named " + name + "; known: " + PROCESSES);
        }
    }

    boolean isAlive(String name) {
        return name.equals("kafka") ? kafka.isRunning() : cassandra.isRunning();
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Where each principal's client settings are ({@link StackCredentials}). */
    Path kafkaClients() {
        return kafkaClients;
    }

    String schemaRegistryUrl() {
        return registry.url();
    }

    String cassandraContactPoint() {
        return cassandra.host() + ":" + cassandra.port();
    }

    String cassandraDatacenter() {
        return cassandra.localDatacenter();
    }

    List<ProcessMemory> memory() {
        return List.of(ProcessMemory.of("kafka", kafka.pid()), ProcessMemory.of("cassandra", cassandra.pid()),
                ProcessMemory.of("cli + schema registry", ProcessHandle.current().pid()));
    }

    /**
     * After {@link #close()}: keeps the node's schema for the next stacks of the same code ({@link SchemaTemplates}),
     * if it stopped cleanly and none is kept yet. Only for a stack whose services all started (every table created).
     */
    void keepSchema() {
        if (cassandra.stoppedCleanly()) {
            schema.ifPresent(template -> template.record(dataDir.resolve("cassandra")));
        }
    }

    /** Stops the issuer, the registry (a Kafka client) and Kafka, with Cassandra stopping alongside. */
    @Override
    public void close() {
        cassandra.requestStop();
        issuer.close();
        registry.close();
        kafka.close();
        cassandra.close();
    }
}
