package dev.faultline.kit.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The service's {@link CqlSession}, bound to its own keyspace, which is created when missing (SimpleStrategy); where
 * Cassandra is and the keyspace's name and replication come from {@link CassandraSettings}. Each service creates its
 * own tables at start with {@code CREATE TABLE IF NOT EXISTS}. {@link KeyspaceState} says whether this start created
 * the keyspace (so its projections must be rebuilt from the topics).
 */
@Factory
@Requires(property = "faultline.cassandra.keyspace")
public class CassandraFactory {

    private volatile boolean created;

    @Singleton
    @Bean(preDestroy = "close")
    CqlSession cqlSession(CassandraSettings settings) {
        DriverConfigLoader config = driverConfig();
        CqlSession bootstrap = CqlSession.builder().addContactPoint(settings.contactPoint())
                .withLocalDatacenter(settings.datacenter()).withConfigLoader(config).build();
        try {
            created = bootstrap.getMetadata().getKeyspace(settings.keyspace()).isEmpty();
            bootstrap.execute("CREATE KEYSPACE IF NOT EXISTS " + settings.keyspace() + " WITH replication = "
                    + "{'class': 'SimpleStrategy', 'replication_factor': " + settings.replicationFactor() + "}");
        } finally {
            bootstrap.closeAsync(); // nothing in flight; the service need not wait for its connections to close
        }
        return CqlSession.builder().addContactPoint(settings.contactPoint()).withLocalDatacenter(settings.datacenter())
                .withConfigLoader(config).withKeyspace(settings.keyspace()).build();
    }

    /** The driver settings every Faultline session uses, services' and tests' alike. */
    public static DriverConfigLoader driverConfig() {
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
                .withInt(DefaultDriverOption.SESSION_LEAK_THRESHOLD, 16)
                .build();
    }

    @Singleton
    KeyspaceState keyspaceState(CqlSession session, CassandraSettings settings) {
        return new KeyspaceState(settings.keyspace(), created);
    }
}
