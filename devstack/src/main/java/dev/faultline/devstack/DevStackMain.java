package dev.faultline.devstack;

import dev.faultline.devstack.cassandra.CassandraNode;
import dev.faultline.devstack.issuer.IssuerUsers;
import dev.faultline.devstack.issuer.LocalIssuer;
import dev.faultline.devstack.kafka.KafkaBrokerConfig;
import dev.faultline.devstack.kafka.KafkaCredentials;
import dev.faultline.devstack.kafka.KafkaPrincipal;
import dev.faultline.devstack.kafka.KafkaProcess;
import dev.faultline.devstack.process.ProcessStats;
import dev.faultline.devstack.process.ShutdownHooks;
import dev.faultline.devstack.registry.SchemaRegistryServer;
import dev.faultline.devstack.support.FreePorts;
import dev.faultline.devstack.support.WorkDirs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * {@code faultline devstack}: starts Kafka (its own process), the schema registry (in this JVM,
 * on that broker), the local token issuer (in this JVM) and Cassandra (its own process), prints one line per part with its address,
 * start time and resident memory, and runs until Ctrl-C or SIGTERM, then stops everything —
 * no child process outlives this one.
 */
public final class DevStackMain {

    private DevStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "dev/faultline/devstack/devstack-logback.xml");
        }
        DevStackOptions options;
        try {
            options = DevStackOptions.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println("faultline devstack: " + e.getMessage());
            System.err.print(DevStackOptions.USAGE);
            System.exit(2);
            return;
        }
        RunningStack stack;
        try {
            stack = start(options);
        } catch (RuntimeException e) {
            System.err.println("faultline devstack: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (options.exitAfterStart()) {
            stack.close();
            System.out.println("stopped (--exit-after-start)");
            System.exit(0);
        }
        System.out.println("running; Ctrl-C stops everything");
        new CountDownLatch(1).await(); // the shutdown hook stops the stack
    }

    static RunningStack start(DevStackOptions options) {
        long started = System.nanoTime();
        int kafkaPort = FreePorts.resolve(options.kafkaPort(), "Kafka", "--kafka-port");
        int controllerPort = FreePorts.resolve(options.kafkaControllerPort(), "Kafka controller", "--kafka-controller-port");
        int registryPort = FreePorts.resolve(options.registryPort(), "schema registry", "--registry-port");
        int cassandraPort = FreePorts.resolve(options.cassandraPort(), "Cassandra CQL", "--cassandra-port");
        int storagePort = FreePorts.resolve(options.cassandraStoragePort(), "Cassandra storage", "--cassandra-storage-port");
        int issuerPort = FreePorts.resolve(options.issuerPort(), "token issuer", "--issuer-port");
        IssuerUsers users = options.usersFile().map(IssuerUsers::load).orElseGet(IssuerUsers::bundled);
        Path dataDir = options.dataDir().map(Path::toAbsolutePath).orElseGet(() -> WorkDirs.fresh("faultline-devstack-"));
        boolean deleteAtExit = options.dataDir().isEmpty() && !options.keep();
        RunningStack stack = new RunningStack(dataDir, deleteAtExit);
        System.out.println("faultline devstack: data in " + dataDir + (deleteAtExit ? " (deleted at exit)" : ""));

        // One part after the other: on two cores, starting Cassandra beside Kafka saved no wall time
        // and blurred each part's start time.
        try {
            KafkaCredentials credentials = KafkaCredentials.loadOrCreate(dataDir.resolve("kafka/credentials.properties"));
            KafkaProcess kafka = stack.kafka(KafkaProcess.start(dataDir.resolve("kafka"),
                    new KafkaBrokerConfig(dataDir.resolve("kafka/kafka-logs"), kafkaPort, controllerPort, credentials)));
            print("kafka", kafka.bootstrapServers(), kafka.startTime(), ProcessStats.mebibytes(kafka.rssBytes()), kafka.pid());
            Path clients = credentials.writeClientConfigs(kafka.bootstrapServers(), dataDir.resolve("kafka/clients"));
            System.out.println("           SASL/SCRAM: client settings per principal in " + clients + "/<principal>.properties");

            long registryStarted = System.nanoTime();
            SchemaRegistryServer registry = stack.registry(SchemaRegistryServer.start(
                    kafka.clientProperties(KafkaPrincipal.SCHEMA_REGISTRY), credentials.registryUsers(), registryPort));
            print("registry", registry.url(), Duration.ofNanos(System.nanoTime() - registryStarted),
                    ProcessStats.mebibytes(ProcessStats.selfRssBytes()) + " (this JVM)", ProcessHandle.current().pid());

            long issuerStarted = System.nanoTime();
            LocalIssuer issuer = stack.issuer(LocalIssuer.start(users, issuerPort));
            print("issuer", issuer.url(), Duration.ofNanos(System.nanoTime() - issuerStarted),
                    ProcessStats.mebibytes(ProcessStats.selfRssBytes()) + " (this JVM)", ProcessHandle.current().pid());

            CassandraNode node = stack.cassandra(
                    CassandraNode.start(dataDir.resolve("cassandra"), cassandraPort, storagePort));
            print("cassandra", node.address(), node.startTime(), ProcessStats.mebibytes(node.rssBytes()), node.pid());
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
        // registered last, so the JVM's shutdown hook stops the whole stack, in order, before the
        // parts' own registrations (which the stack cancels as it closes them)
        ShutdownHooks.Registration atExit = ShutdownHooks.register("faultline devstack", stack);
        stack.onClose(atExit::cancel);
        System.out.printf("devstack up in %.1f s%n", (System.nanoTime() - started) / 1e9);
        return stack;
    }

    private static void print(String part, String address, Duration startTime, String rss, long pid) {
        System.out.printf("%-10s %-24s started in %4.1f s  rss %s  pid %d%n",
                part, address, startTime.toMillis() / 1000.0, rss, pid);
    }
}
