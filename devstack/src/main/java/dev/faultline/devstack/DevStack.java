package dev.faultline.devstack;

import dev.faultline.devstack.cassandra.CassandraNode;
import dev.faultline.devstack.issuer.IssuerUsers;
import dev.faultline.devstack.issuer.LocalIssuer;
import dev.faultline.devstack.kafka.EmbeddedKafka;
import dev.faultline.devstack.kafka.KafkaCredentials;
import dev.faultline.devstack.kafka.KafkaPrincipal;
import dev.faultline.devstack.process.ShutdownHooks;
import dev.faultline.devstack.registry.SchemaRegistryServer;
import dev.faultline.devstack.support.WorkDirs;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded stack tests run against: a real Kafka broker (SASL/SCRAM and ACLs on, see {@link KafkaPrincipal}),
 * the schema registry (writes need HTTP Basic) and the local token issuer (with the bundled users file) in this JVM, and a real Cassandra node in a child JVM started on the first call to
 * {@link #cassandra()}. {@link #shared()} gives one stack per JVM, stopped when the JVM exits. Stop order: whatever
 * was registered with {@link #closeBeforeStop} (clients of Kafka), the issuer, the registry, Kafka; the
 * Cassandra node stops alongside.
 */
public final class DevStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DevStack.class);
    private static DevStack shared;

    private final Path workDir;
    private final EmbeddedKafka kafka;
    private final SchemaRegistryServer registry;
    private final LocalIssuer issuer;
    private final Deque<AutoCloseable> dependents = new ArrayDeque<>();
    private final ShutdownHooks.Registration atExit;
    private CassandraNode cassandra;
    private boolean closed;

    private DevStack(Path workDir, EmbeddedKafka kafka, SchemaRegistryServer registry, LocalIssuer issuer) {
        this.workDir = workDir;
        this.kafka = kafka;
        this.registry = registry;
        this.issuer = issuer;
        this.atExit = ShutdownHooks.register("devstack in " + workDir, this);
    }

    /** The stack of this JVM, started on the first call (or again after it was closed). */
    public static synchronized DevStack shared() {
        if (shared == null || shared.isClosed()) {
            shared = start(WorkDirs.fresh("faultline-devstack-"));
        }
        return shared;
    }

    /** Stops the JVM's shared stack if one is running; the next {@link #shared()} starts a new one. */
    public static synchronized void closeShared() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    /** Starts a stack of its own with all data under {@code workDir}, deleted on {@link #close()}. */
    public static DevStack start(Path workDir) {
        long started = System.nanoTime();
        EmbeddedKafka kafka = EmbeddedKafka.start(workDir.resolve("kafka"));
        SchemaRegistryServer registry = null;
        LocalIssuer issuer;
        try {
            registry = SchemaRegistryServer.start(kafka.clientProperties(KafkaPrincipal.SCHEMA_REGISTRY),
                    kafka.config().credentials().registryUsers(), 0);
            issuer = LocalIssuer.start(IssuerUsers.bundled(), 0);
        } catch (RuntimeException e) {
            if (registry != null) {
                registry.close();
            }
            kafka.close();
            throw e;
        }
        LOG.info("devstack up in {} ms: Kafka {}, schema registry {}, token issuer {}",
                (System.nanoTime() - started) / 1_000_000, kafka.bootstrapServers(), registry.url(), issuer.url());
        return new DevStack(workDir, kafka, registry, issuer);
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /**
     * Kafka client properties of the stack's administrator (a super user): bootstrap servers, SASL/SCRAM and the
     * schema registry's HTTP Basic credentials. Tests' own producers, consumers and admins start from these.
     */
    public Map<String, Object> kafkaClientProperties() {
        return kafkaClientProperties(KafkaPrincipal.ADMIN);
    }

    /** {@link #kafkaClientProperties()} with {@code settings} added (a client's own settings). */
    public Map<String, Object> kafkaClientProperties(Map<String, Object> settings) {
        Map<String, Object> props = new HashMap<>(kafkaClientProperties());
        props.putAll(settings);
        return props;
    }

    /** Kafka client properties authenticating as {@code principal}, with its registry credentials. */
    public Map<String, Object> kafkaClientProperties(KafkaPrincipal principal) {
        return kafka.clientProperties(principal);
    }

    /** {@code user:password} of the administrator at the schema registry ({@code basic.auth.user.info}). */
    public String schemaRegistryUserInfo() {
        return kafkaCredentials().userInfo(KafkaPrincipal.ADMIN);
    }

    /**
     * A Kafka client properties file (owner-readable) authenticating as {@code principal}: what a child process or
     * the CLI's {@code --kafka-config} reads.
     */
    public Path kafkaClientConfig(KafkaPrincipal principal) {
        return kafkaCredentials().writeClientConfig(principal, kafka.bootstrapServers(),
                workDir.resolve("kafka-clients").resolve(principal.username() + ".properties"));
    }

    /** The passwords of this stack's principals (generated when it started). */
    public KafkaCredentials kafkaCredentials() {
        return kafka.config().credentials();
    }

    public String schemaRegistryUrl() {
        return registry.url();
    }

    /** The local token issuer: its URL and JWKS for the services' settings, and tokens for the tests' users. */
    public LocalIssuer issuer() {
        return issuer;
    }

    /** The Cassandra node, started (in its own JVM, about 5 s) on the first call. */
    public synchronized CassandraNode cassandra() {
        requireOpen();
        if (cassandra == null) {
            cassandra = CassandraNode.start(workDir.resolve("cassandra"));
        }
        return cassandra;
    }

    public Path workDir() {
        return workDir;
    }

    /**
     * Registers something that uses this stack (an application context, a Streams instance) to be
     * closed before the stack stops, last registered first. Returns {@code resource}.
     */
    public synchronized <T extends AutoCloseable> T closeBeforeStop(T resource) {
        requireOpen();
        dependents.push(resource);
        return resource;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        atExit.cancel();
        if (cassandra != null) {
            cassandra.requestStop(); // stops in parallel with the rest
        }
        while (!dependents.isEmpty()) {
            closeQuietly("a devstack user", dependents.pop());
        }
        closeQuietly("the token issuer", issuer);
        closeQuietly("the schema registry", registry::close);
        closeQuietly("Kafka", kafka);
        if (cassandra != null) {
            closeQuietly("Cassandra", cassandra);
        }
        WorkDirs.deleteRecursively(workDir);
        LOG.info("devstack in {} stopped", workDir);
    }

    private static void closeQuietly(String what, AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warn("could not stop {} cleanly: {}", what, e.toString());
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this devstack was closed; use DevStack.shared() for a running one");
        }
    }
}
