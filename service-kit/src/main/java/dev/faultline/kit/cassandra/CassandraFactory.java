package dev.faultline.kit.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/**
 * The service's {@link CqlSession}, bound to its own keyspace, which is created when missing (SimpleStrategy); where
 * Cassandra is and the keyspace's name and replication come from {@link CassandraSettings}. Each service creates its
 * own tables at start with {@code CREATE TABLE IF NOT EXISTS}. {@link KeyspaceState} says whether this start created
 * the keyspace (so its projections must be rebuilt from the topics).
 *
 * <p>The session starts without the driver's schema metadata, and {@link EarlyTables} turns it on once the service's
 * tables exist ({@link #tablesCreated}). With it on, every {@code CREATE TABLE} also re-read the keyspace's schema
 * before returning: measured on the local stack's Cassandra, 165–180 ms a table with it, 80–115 ms without, and ~40 %
 * less of Cassandra's CPU — on a fresh stack five services create 29 tables while everything else starts. Nothing reads
 * that metadata before then: a migration asks {@code system_schema} itself ({@link KeyspaceColumns}). Once it is on,
 * the driver keeps it for the service's own keyspace alone, and routes each request to a replica of its partition.
 */
@Factory
@Requires(property = "faultline.cassandra.keyspace")
public class CassandraFactory {

    private volatile boolean created;

    @Singleton
    @Bean(preDestroy = "close")
    CqlSession cqlSession(CassandraSettings settings) {
        DriverConfigLoader config = driverConfig(settings.keyspace());
        CqlSession bootstrap = CqlSession.builder().addContactPoint(settings.contactPoint())
                .withLocalDatacenter(settings.datacenter()).withConfigLoader(config).build();
        try {
            created = bootstrap.execute(SimpleStatement.newInstance(
                    "SELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = ?", settings.keyspace()))
                    .one() == null;
            bootstrap.execute("CREATE KEYSPACE IF NOT EXISTS " + settings.keyspace() + " WITH replication = "
                    + "{'class': 'SimpleStrategy', 'replication_factor': " + settings.replicationFactor() + "}");
        } finally {
            bootstrap.closeAsync(); // nothing in flight; the service need not wait for its connections to close
        }
        return CqlSession.builder().addContactPoint(settings.contactPoint()).withLocalDatacenter(settings.datacenter())
                .withConfigLoader(config).withKeyspace(settings.keyspace()).build();
    }

    /** The service's tables exist: the session loads its keyspace's schema metadata, and keeps it up to date. */
    static void tablesCreated(CqlSession session) {
        session.setSchemaMetadataEnabled(true);
    }

    /**
     * {@link #driverConfig()} for a service's session: no schema metadata until {@link #tablesCreated}, and from then
     * on its own keyspace's alone. A service reads no other keyspace's; without the filter every session re-read the
     * whole schema after each table any service created.
     */
    static DriverConfigLoader driverConfig(String keyspace) {
        return builder().withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
                .withStringList(DefaultDriverOption.METADATA_SCHEMA_REFRESHED_KEYSPACES, List.of(keyspace))
                .build();
    }

    /** The driver settings every Faultline session uses, services' and tests' alike. */
    public static DriverConfigLoader driverConfig() {
        return builder().build();
    }

    private static ProgrammaticDriverConfigLoaderBuilder builder() {
        return DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10))
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(10))
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(20))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(20))
                // a CREATE TABLE returns once the driver's schema metadata is refreshed, and the refresh waits for
                // this window (1 s by default) for more changes: at start, where each store creates its tables one
                // after the other, that second was most of the time the service took to start
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(20))
                // after an outage the driver tries the node again at 1, 2, 4 … s, up to a minute apart by default: a
                // Cassandra back after 40 s was not used again for 20 s more, past the patience of the listeners
                // waiting for their store (OutageWait, 60 s); now at most 5 s after it is back
                .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(5))
                // the driver warns of a leak at more than 4 open sessions in one JVM; the local stack's six services
                // share one (host/ServiceHost), a session each
                .withInt(DefaultDriverOption.SESSION_LEAK_THRESHOLD, 16);
    }

    @Singleton
    KeyspaceState keyspaceState(CqlSession session, CassandraSettings settings) {
        return new KeyspaceState(settings.keyspace(), created);
    }
}
