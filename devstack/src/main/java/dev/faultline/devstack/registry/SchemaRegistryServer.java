package dev.faultline.devstack.registry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry speaking Confluent's REST API (AVRO schemas), keeping its state in the
 * compacted topic {@value RegistryLog#TOPIC} so that a restart on the same broker keeps every
 * schema, version and id. One instance per topic: it is the single writer of its log.
 */
public final class SchemaRegistryServer implements AutoCloseable {

    /** The compacted topic holding the registry's state. */
    public static final String TOPIC = RegistryLog.TOPIC;

    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryServer.class);

    static {
        // The JDK server writes headers and body separately; with Nagle on, each small answer
        // waits ~40 ms for the client's delayed ACK. Read once, when the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer http;
    private final ExecutorService executor;
    private final RegistryLog log;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SchemaRegistryServer(HttpServer http, ExecutorService executor, RegistryLog log) {
        this.http = http;
        this.executor = executor;
        this.log = log;
    }

    /**
     * Replays the registry topic, then serves on 127.0.0.1:{@code port} (0 picks a free port).
     *
     * @param kafka   Kafka client settings of the registry's store: bootstrap servers and its principal's credentials
     * @param writers who may write (POST, PUT, DELETE need HTTP Basic with one of these; GETs are open, as reads of
     *                schemas are in a registry whose readers are every consumer): username to password
     */
    public static SchemaRegistryServer start(Map<String, Object> kafka, Map<String, String> writers, int port) {
        return start(kafka, writers, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /** {@link #start(Map, Map, int)} on {@code bind}: all interfaces in a container ({@code 0.0.0.0:8081}). */
    public static SchemaRegistryServer start(Map<String, Object> kafka, Map<String, String> writers,
                                             InetSocketAddress bind) {
        int port = bind.getPort();
        long started = System.nanoTime();
        RegistryState state = new RegistryState();
        RegistryLog log = RegistryLog.open(kafka, state);
        ReentrantLock writeLock = new ReentrantLock();
        SchemaRegistry registry = new SchemaRegistry(state, log, writeLock);
        SchemaQueries queries = new SchemaQueries(state);
        Router router = new Router();
        new SubjectRoutes(registry, queries, new SchemaDeletions(state, log, writeLock)).addTo(router);
        new SchemaRoutes(queries).addTo(router);
        new CompatibilityRoutes(registry).addTo(router);
        new ConfigRoutes(new RegistryConfigs(state, log, writeLock)).addTo(router);
        ExecutorService executor = Executors.newFixedThreadPool(4, daemonThreads());
        try {
            HttpServer http = HttpServer.create(bind, 50);
            http.createContext("/", new RegistryHttpHandler(router, new BasicAuth(writers)));
            http.setExecutor(executor);
            http.start();
            SchemaRegistryServer server = new SchemaRegistryServer(http, executor, log);
            LOG.info("schema registry up at {} in {} ms", server.url(), (System.nanoTime() - started) / 1_000_000);
            return server;
        } catch (IOException e) {
            executor.shutdownNow();
            log.close();
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:8081}. */
    public String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** Stops serving and closes the store; a second call does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        http.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.close();
        LOG.info("schema registry at {} stopped", url());
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "schema-registry-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
