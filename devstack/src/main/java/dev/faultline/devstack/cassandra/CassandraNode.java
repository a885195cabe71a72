package dev.faultline.devstack.cassandra;

import dev.faultline.devstack.process.ChildJvm;
import dev.faultline.devstack.process.ShutdownHooks;
import dev.faultline.devstack.support.FreePorts;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Cassandra 5.0 in its own child JVM, with generated configuration and its
 * data under a work directory. {@link #start(Path)} returns once the node answers CQL. The child
 * dies with this JVM; {@link #close()} stops it cleanly.
 */
public final class CassandraNode implements CassandraEndpoint, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CassandraNode.class);
    private static final String HOST = "127.0.0.1";
    public static final String DAEMON = "org.apache.cassandra.service.CassandraDaemon";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final CassandraConfig config;
    private final ChildJvm jvm;
    private final ShutdownHooks.Registration atExit;
    private final String releaseVersion;
    private final Duration startTime;

    private CassandraNode(CassandraConfig config, ChildJvm jvm, String releaseVersion, Duration startTime) {
        this.config = config;
        this.jvm = jvm;
        this.releaseVersion = releaseVersion;
        this.startTime = startTime;
        this.atExit = ShutdownHooks.register("Cassandra " + config.nativePort(), jvm);
    }

    /** Starts a node on free ports with its data under {@code workDir}. */
    public static CassandraNode start(Path workDir) {
        return start(workDir, FreePorts.next());
    }

    /** Starts a node whose CQL port is {@code nativePort}, with its data under {@code workDir}. */
    public static CassandraNode start(Path workDir, int nativePort) {
        return start(workDir, nativePort, FreePorts.next());
    }

    /**
     * Starts a node on the given CQL and inter-node ports, with its data under {@code workDir}.
     * Fixed ports matter when the data directory is kept and reused.
     */
    public static CassandraNode start(Path workDir, int nativePort, int storagePort) {
        long started = System.nanoTime();
        FreePorts.requireFree(nativePort, "Cassandra CQL");
        FreePorts.requireFree(storagePort, "Cassandra storage");
        CassandraConfig config = new CassandraConfig(workDir.toAbsolutePath(), nativePort, storagePort);
        config.write();
        List<String> jvmArgs = new ArrayList<>(jvmArgs(config));
        jvmArgs.add("-Dorg.apache.cassandra.mbean_registration_class=" + CassandraClasspath.UNREGISTERED_MBEANS);
        ChildJvm jvm = ChildJvm.launch("Cassandra", withoutMemoryLocking(), jvmArgs,
                CassandraClasspath.resolve() + File.pathSeparator + CassandraClasspath.ownLocation(), DAEMON, List.of(),
                config.dir().resolve("logs/cassandra.out"));
        try {
            String version = awaitCql(jvm, config.nativePort());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            LOG.info("Cassandra {} up at {}:{} in {} ms (pid {})", version, HOST, nativePort, took.toMillis(), jvm.pid());
            return new CassandraNode(config, jvm, version, took);
        } catch (RuntimeException e) {
            jvm.close();
            throw e;
        }
    }

    /**
     * Cassandra locks all of its memory at start ({@code mlockall(MCL_CURRENT)}, with no setting to turn it off), which
     * makes every page it has mapped by then resident for good: the JDK's whole 128 MB module image, every thread's
     * stack, its committed heap — ~150 MB of the development node's resident set. It may only when it holds
     * {@code CAP_IPC_LOCK}, as root does: this starts it without that capability ({@code setpriv}, util-linux), so it
     * logs "Unable to lock JVM memory (ENOMEM)" and runs on, as it does for any other user. Empty (nothing to drop)
     * when not root or without {@code setpriv}.
     */
    static List<String> withoutMemoryLocking() {
        Path setpriv = Stream.of("/usr/bin/setpriv", "/bin/setpriv").map(Path::of).filter(Files::isExecutable)
                .findFirst().orElse(null);
        return isRoot() && setpriv != null
                ? List.of(setpriv.toString(), "--inh-caps=-ipc_lock", "--bounding-set=-ipc_lock", "--")
                : List.of();
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static String awaitCql(ChildJvm jvm, int port) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            if (!jvm.isAlive()) {
                throw new IllegalStateException("Cassandra exited during start-up: " + jvm.failureSummary());
            }
            try {
                return CqlProbe.releaseVersion(HOST, port, 2_000);
            } catch (IOException e) {
                last = e;
            }
            pause();
        }
        throw new IllegalStateException("Cassandra did not answer CQL on " + HOST + ":" + port + " within "
                + START_TIMEOUT.toSeconds() + " s (" + last + "): " + jvm.failureSummary());
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Cassandra", e);
        }
    }

    /** The JVM options of a node with {@code config} (heap, the daemon's settings, JDK 17's opens). */
    public static List<String> jvmArgs(CassandraConfig config) {
        Path dir = config.dir();
        List<String> args = new ArrayList<>(List.of(
                // a first heap above the node's live data (~45 MB old) spares the start's full collections (5 from 64 MB)
                "-Xms80m", "-Xmx512m", ChildJvm.YOUNG_GENERATION_CAP, "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
                "-Xss512k",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError",
                "-Dcassandra.config=" + config.yamlFile().toUri(),
                "-Dcassandra-foreground=yes",
                "-Dcassandra.storagedir=" + dir,
                "-Dcassandra.logdir=" + dir.resolve("logs"),
                "-Dcassandra.skip_wait_for_gossip_to_settle=0",
                "-Dcassandra.ring_delay_ms=0",
                // skips a ~3 s start-up estimate; 180 bytes is what the estimate yields on JDK 17
                "-Dcassandra.memtable.row_overhead_size=180",
                "-Dcassandra.superuser_setup_delay_ms=0",
                // nothing here authenticates (AllowAllAuthenticator), yet the role manager stores the default superuser's
                // password as a bcrypt hash of 2^10 rounds (~0.1 CPU-s with C1 only, on a start short of CPU); 2^4 is the least
                "-Dcassandra.auth_bcrypt_gensalt_log2_rounds=4",
                // a single node has nobody to announce its shutdown to; saves 2 s per stop
                "-Dcassandra.shutdown_announce_in_ms=0",
                "-Dlogback.configurationFile=" + config.logbackFile(),
                "-Dio.netty.tryReflectionSetAccessible=true",
                // Netty's pooled chunks at its own default size (4 MiB) rather than the 16 MiB Cassandra's production
                // options ask for (-Dio.netty.allocator.maxOrder=11): a chunk per arena is resident once used
                "-Dio.netty.allocator.useCacheForAllThreads=true"));
        args.addAll(Jdk17Options.ADD_EXPORTS_AND_OPENS);
        return args;
    }

    @Override
    public String host() {
        return HOST;
    }

    @Override
    public int port() {
        return config.nativePort();
    }

    @Override
    public String localDatacenter() {
        return "datacenter1";
    }

    public String releaseVersion() {
        return releaseVersion;
    }

    public Duration startTime() {
        return startTime;
    }

    public long pid() {
        return jvm.pid();
    }

    public OptionalLong rssBytes() {
        return jvm.rssBytes();
    }

    public boolean isRunning() {
        return jvm.isAlive();
    }

    /** Sends the stop signal without waiting, so that other parts can stop meanwhile. */
    public void requestStop() {
        jvm.requestStop();
    }

    /** Whether {@link #close()} stopped it cleanly (its data flushed), not killed. */
    public boolean stoppedCleanly() {
        return jvm.stoppedCleanly();
    }

    @Override
    public void close() {
        atExit.cancel();
        jvm.close();
    }
}
