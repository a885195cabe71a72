package dev.faultline.kit.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The service's {@link CqlSession}, bound to its own keyspace ({@code faultline.cassandra.keyspace}), which is
 * created when missing (SimpleStrategy, {@code faultline.cassandra.replication-factor}, default 1). Contact point
 * {@code faultline.cassandra.contact-point} ({@code host:port}), data centre {@code faultline.cassandra.datacenter}.
 * Each service creates its own tables at start with {@code CREATE TABLE IF NOT EXISTS}. {@link KeyspaceState} says
 * whether this start created the keyspace (so its projections must be rebuilt from the topics).
 */
@Factory
@Requires(property = "faultline.cassandra.keyspace")
public class CassandraFactory {

    private volatile boolean created;

    @Singleton
    @Bean(preDestroy = "close")
    CqlSession cqlSession(@Value("${faultline.cassandra.contact-point:127.0.0.1:9042}") String contactPoint,
                          @Value("${faultline.cassandra.datacenter:datacenter1}") String datacenter,
                          @Value("${faultline.cassandra.keyspace}") String keyspace,
                          @Value("${faultline.cassandra.replication-factor:1}") int replicationFactor) {
        String[] hostPort = contactPoint.split(":");
        InetSocketAddress address = new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10))
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(10))
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(20))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(20))
                .build();
        try (CqlSession bootstrap = CqlSession.builder().addContactPoint(address).withLocalDatacenter(datacenter)
                .withConfigLoader(config).build()) {
            created = bootstrap.getMetadata().getKeyspace(keyspace).isEmpty();
            bootstrap.execute("CREATE KEYSPACE IF NOT EXISTS " + keyspace
                    + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': " + replicationFactor + "}");
        }
        return CqlSession.builder().addContactPoint(address).withLocalDatacenter(datacenter)
                .withConfigLoader(config).withKeyspace(keyspace).build();
    }

    @Singleton
    KeyspaceState keyspaceState(CqlSession session, @Value("${faultline.cassandra.keyspace}") String keyspace) {
        return new KeyspaceState(keyspace, created);
    }
}
