package dev.faultline.kit.testing;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.faultline.devstack.DevStack;
import java.net.InetSocketAddress;
import java.time.Duration;

/** What a rebuild test does to a service's Cassandra state: drops its keyspace, every table with it. */
public final class Keyspaces {

    private Keyspaces() {
    }

    public static void drop(DevStack stack, String keyspace) {
        String[] hostPort = stack.cassandra().address().split(":");
        try (CqlSession session = CqlSession.builder()
                .addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
                .withLocalDatacenter(stack.cassandra().localDatacenter()).build()) {
            session.execute(SimpleStatement.newInstance("DROP KEYSPACE " + keyspace).setTimeout(Duration.ofSeconds(30)));
        }
    }
}
