package dev.faultline.devstack;

import dev.faultline.devstack.cassandra.CassandraEndpoint;
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
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack tests run against (embedded here, or the same parts as containers: {@link #shared()}): a real Kafka broker (SASL/SCRAM and ACLs on, see {@link KafkaPrincipal}),
 * the schema registry (writes need HTTP Basic) and the local token issuer (with the bundled users file) in this JVM, and a real Cassandra node in a child JVM started on the first call to
 * {@link #cassandra()}. {@link #shared()} gives one stack per JVM, stopped when the JVM exits. Stop order: whatever
 * was registered with {@link #closeBeforeStop} (clients of Kafka), the issuer, the registry, Kafka; the
 * Cassandra node stops alongside.
 */
public final class DevStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DevStack.class);
    private static DevStack shared;

    /** Where {@link #shared()} runs the stack: {@code embedded} (the default) or {@code containers}. */
    public static final String BACKEND_PROPERTY = "faultline.devstack";

    private final Path workDir;
    private final String kafkaBootstrapServers;
    private final KafkaCredentials credentials;
    private final AutoCloseable kafka;
    private final String registryUrl;
    private final AutoCloseable registry;
    private final LocalIssuer issuer;
    private final Function<Path, CassandraEndpoint> cassandraStarter;
    private final Deque<AutoCloseable> dependents = new ArrayDeque<>();
    private final ShutdownHooks.Registration atExit;
    private CassandraEndpoint cassandra;
    private boolean closed;

    /**
     * A stack of parts started elsewhere (the embedded ones here, or containers: {@code ContainerDevStack}), each
     * closed by {@link #close()}; Cassandra is started with {@code cassandraStarter} on the first {@link #cassandra()}.
     */
    public DevStack(Path workDir, String kafkaBootstrapServers, KafkaCredentials credentials, AutoCloseable kafka,
                    String registryUrl, AutoCloseable registry, LocalIssuer issuer,
                    Function<Path, CassandraEndpoint> cassandraStarter) {
        this.workDir = workDir;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.credentials = credentials;
        this.kafka = kafka;
        this.registryUrl = registryUrl;
        this.registry = registry;
        this.issuer = issuer;
        this.cassandraStarter = cassandraStarter;
        this.atExit = ShutdownHooks.register("devstack in " + workDir, this);
    }

    /**
     * The stack of this JVM, started on the first call (or again after it was closed): embedded, or in containers
     * when {@value #BACKEND_PROPERTY} (or {@code FAULTLINE_DEVSTACK}) is {@code containers} — the same tests then run
     * against the images' Kafka (through Testcontainers' Kafka module), registry and Cassandra.
     */
    public static synchronized DevStack shared() {
        if (shared == null || shared.isClosed()) {
            Path workDir = WorkDirs.fresh("faultline-devstack-");
            shared = containersRequested() ? startContainers(workDir) : start(workDir);
        }
        return shared;
    }

    static boolean containersRequested() {
        String backend = System.getProperty(BACKEND_PROPERTY, System.getenv().getOrDefault("FAULTLINE_DEVSTACK", "embedded"));
        return switch (backend.strip()) {
            case "", "embedded" -> false;
            case "containers" -> true;
            default -> throw new IllegalArgumentException(BACKEND_PROPERTY + " is 'embedded' or 'containers', not '"
                    + backend + "'");
        };
    }

    private static DevStack startContainers(Path workDir) {
        try {
            return dev.faultline.devstack.containers.ContainerDevStack.start(workDir);
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException(BACKEND_PROPERTY + "=containers needs Testcontainers on the classpath "
                    + "(org.testcontainers:testcontainers-kafka, a test dependency): " + e.getMessage(), e);
        }
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
        return new DevStack(workDir, kafka.bootstrapServers(), kafka.config().credentials(), kafka, registry.url(),
                registry::close, issuer, dir -> CassandraNode.start(dir));
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
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
        return credentials.clientProperties(principal, kafkaBootstrapServers);
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
        return kafkaCredentials().writeClientConfig(principal, kafkaBootstrapServers,
                workDir.resolve("kafka-clients").resolve(principal.username() + ".properties"));
    }

    /** The passwords of this stack's principals (generated when it started). */
    public KafkaCredentials kafkaCredentials() {
        return credentials;
    }

    public String schemaRegistryUrl() {
        return registryUrl;
    }

    /** The local token issuer: its URL and JWKS for the services' settings, and tokens for the tests' users. */
    public LocalIssuer issuer() {
        return issuer;
    }

    /** The Cassandra node, started (in its own JVM, about 5 s; a container, about 20 s) on the first call. */
    public synchronized CassandraEndpoint cassandra() {
        requireOpen();
        if (cassandra == null) {
            cassandra = cassandraStarter.apply(workDir.resolve("cassandra"));
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
        if (cassandra instanceof CassandraNode node) {
            node.requestStop(); // stops in parallel with the rest
        }
        while (!dependents.isEmpty()) {
            closeQuietly("a devstack user", dependents.pop());
        }
        closeQuietly("the token issuer", issuer);
        closeQuietly("the schema registry", registry);
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
