package dev.faultline.kit.testing;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.faultline.devstack.DevStack;
import dev.faultline.kit.cassandra.CassandraFactory;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Sessions on the devstack's Cassandra for tests, with the services' own driver settings (so a schema change under a
 * loaded CI machine gets the same patience it gets in a service, not the driver's 2 s), and what a rebuild test does
 * to a service's Cassandra state: drops its keyspace, every table with it.
 */
public final class Keyspaces {

    private Keyspaces() {
    }

    /** A session on {@code keyspace}, which it creates if missing (SimpleStrategy, one replica). */
    public static CqlSession session(DevStack stack, String keyspace) {
        try (CqlSession bootstrap = builder(stack).build()) {
            bootstrap.execute("CREATE KEYSPACE IF NOT EXISTS " + keyspace
                    + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        }
        return builder(stack).withKeyspace(keyspace).build();
    }

    public static void drop(DevStack stack, String keyspace) {
        try (CqlSession session = builder(stack).build()) {
            session.execute(SimpleStatement.newInstance("DROP KEYSPACE " + keyspace).setTimeout(Duration.ofSeconds(30)));
        }
    }

    private static CqlSessionBuilder builder(DevStack stack) {
        String[] hostPort = stack.cassandra().address().split(":");
        return CqlSession.builder().addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
                .withLocalDatacenter(stack.cassandra().localDatacenter()).withConfigLoader(CassandraFactory.driverConfig());
    }
}
