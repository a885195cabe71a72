package dev.faultline.devstack.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DevStackExtension.class)
class CassandraCqlIT {

    private static CqlSession session;

    @BeforeAll
    static void connect(DevStack stack) {
        CassandraEndpoint node = stack.cassandra();
        session = TestSessions.connect(node);
    }

    @AfterAll
    static void disconnect() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void shouldRunTheDevelopmentNodeWithNoMemoryLocked(DevStack stack) throws Exception {
        assumeTrue(stack.cassandra() instanceof CassandraNode, "the embedded backend's node, a process on this host");
        long pid = ((CassandraNode) stack.cassandra()).pid();

        // Cassandra calls mlockall at start; locked, every page it had mapped (the JDK's whole module image, every
        // thread's stack) stays resident: ~150 MB of a development node's
        String locked = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(line -> line.startsWith("VmLck:")).findFirst().orElseThrow();
        assertThat(locked).matches("VmLck:\\s+0 kB");
    }

    @Test
    void shouldRoundTripRowsThroughARealNode() {
        session.execute("CREATE KEYSPACE IF NOT EXISTS devstack_it WITH replication = "
                + "{'class': 'SimpleStrategy', 'replication_factor': 1}");
        session.execute("CREATE TABLE IF NOT EXISTS devstack_it.samples ("
                + "experiment_id uuid, at timestamp, probe text, value double, PRIMARY KEY (experiment_id, at))");
        UUID experiment = UUID.randomUUID();
        Instant first = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant second = first.plusMillis(250);
        var insert = session.prepare("INSERT INTO devstack_it.samples (experiment_id, at, probe, value) VALUES (?, ?, ?, ?)");
        session.execute(insert.bind(experiment, second, "p99-latency-ms", 812.5));
        session.execute(insert.bind(experiment, first, "p99-latency-ms", 140.0));

        List<Row> rows = session.execute(
                "SELECT at, probe, value FROM devstack_it.samples WHERE experiment_id = ?", experiment).all();

        assertThat(rows).extracting(row -> row.getInstant("at")).containsExactly(first, second);
        assertThat(rows).extracting(row -> row.getDouble("value")).containsExactly(140.0, 812.5);
        assertThat(rows).extracting(row -> row.getString("probe")).containsOnly("p99-latency-ms");
    }

    @Test
    void shouldReportTheNodeItRuns(DevStack stack) {
        CassandraNode node = (CassandraNode) stack.cassandra(); // the devstack's own node: it reports its version

        Row local = session.execute("SELECT release_version, data_center FROM system.local").one();

        assertThat(local).isNotNull();
        assertThat(local.getString("release_version")).isEqualTo("5.0.9").isEqualTo(node.releaseVersion());
        assertThat(local.getString("data_center")).isEqualTo(node.localDatacenter());
        assertThat(node.isRunning()).isTrue();
    }
}
