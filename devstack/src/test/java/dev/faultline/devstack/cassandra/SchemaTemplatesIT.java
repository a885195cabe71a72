package dev.faultline.devstack.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A schema kept from one real node starts the next: its tables are there, none of their rows. */
class SchemaTemplatesIT {

    @TempDir
    Path tmp;

    @Test
    void aFreshNodeStartsWithTheKeptSchemaAndNoRows() {
        SchemaTemplates.Template template = new SchemaTemplates(Optional.of(tmp.resolve("cache"))).forKey("it");
        Path first = tmp.resolve("first");
        try (CassandraNode node = CassandraNode.start(first); CqlSession session = TestSessions.connect(node)) {
            session.execute("CREATE KEYSPACE template_it WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
            session.execute("CREATE TABLE template_it.approvals (plan_id uuid PRIMARY KEY, approver text, valid_until timestamp)");
            session.execute("INSERT INTO template_it.approvals (plan_id, approver) VALUES (uuid(), 'bob')");
            session.close();
            node.close();
            assertThat(node.stoppedCleanly()).isTrue();
        }
        template.record(first);
        assertThat(template.exists()).isTrue();

        Path second = tmp.resolve("second");
        assertThat(template.seed(second)).isTrue();
        try (CassandraNode node = CassandraNode.start(second); CqlSession session = TestSessions.connect(node)) {
            List<String> columns = session.execute("SELECT column_name FROM system_schema.columns "
                    + "WHERE keyspace_name = 'template_it' AND table_name = 'approvals'").all().stream()
                    .map(row -> row.getString("column_name")).toList();
            assertThat(columns).containsExactlyInAnyOrder("plan_id", "approver", "valid_until");
            assertThat(session.execute("SELECT count(*) FROM template_it.approvals").one().getLong(0))
                    .as("the schema, not the rows").isZero();

            // what a service does at start: its CREATE ... IF NOT EXISTS changes nothing, and the table takes rows
            session.execute("CREATE TABLE IF NOT EXISTS template_it.approvals (plan_id uuid PRIMARY KEY, approver text, valid_until timestamp)");
            session.execute("INSERT INTO template_it.approvals (plan_id, approver) VALUES (uuid(), 'carol')");
            assertThat(session.execute("SELECT approver FROM template_it.approvals").one().getString("approver")).isEqualTo("carol");
        }
    }
}
