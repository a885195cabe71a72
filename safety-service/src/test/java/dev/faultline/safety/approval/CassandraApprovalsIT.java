package dev.faultline.safety.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.faultline.devstack.DevStack;
import dev.faultline.devstack.junit.DevStackExtension;
import dev.faultline.kit.testing.Keyspaces;
import dev.faultline.schemas.avro.ApprovalDecision;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Approvals on real Cassandra: as recorded, their expiry included, and in a keyspace made before approvals expired
 * (its table without the {@code valid_until} column, which the store adds at start).
 */
@ExtendWith(DevStackExtension.class)
class CassandraApprovalsIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void shouldReadApprovalsBackAsRecordedWithTheirExpiry(DevStack stack) {
        String keyspace = "approvals_it_" + UUID.randomUUID().toString().substring(0, 8);
        try (CqlSession session = Keyspaces.session(stack, keyspace)) {
            ApprovalStore store = new CassandraApprovals(session);
            Approval approval = new Approval("exp-1", 2, "carol", ApprovalDecision.APPROVED, "go", NOW,
                    NOW.plusSeconds(3600));
            store.save(approval);

            assertThat(store.forExperiment("exp-1")).containsExactly(approval);
            assertThat(store.forExperiment("exp-2")).isEmpty();
        } finally {
            Keyspaces.drop(stack, keyspace);
        }
    }

    @Test
    void shouldAddTheExpiryColumnToAKeyspaceMadeBeforeApprovalsExpired(DevStack stack) {
        String keyspace = "approvals_it_" + UUID.randomUUID().toString().substring(0, 8);
        try (CqlSession session = Keyspaces.session(stack, keyspace)) {
            session.execute("CREATE TABLE approvals (experiment_id text, revision int, recorded_at timestamp,"
                    + " approver text, decision text, comment text, PRIMARY KEY ((experiment_id), revision, recorded_at,"
                    + " approver))");
            session.execute("INSERT INTO approvals (experiment_id, revision, recorded_at, approver, decision, comment)"
                    + " VALUES ('exp-old', 1, '" + NOW + "', 'carol', 'APPROVED', 'before expiry')");

            ApprovalStore store = new CassandraApprovals(session);
            Approval expiring = new Approval("exp-new", 1, "carol", ApprovalDecision.APPROVED, "", NOW,
                    NOW.plusSeconds(60));
            store.save(expiring);

            assertThat(store.forExperiment("exp-old")).singleElement().satisfies(old -> {
                assertThat(old.validUntil()).as("recorded before approvals expired: it does not lapse").isNull();
                assertThat(old.expiredAt(NOW.plusSeconds(365L * 24 * 3600))).isFalse();
            });
            assertThat(store.forExperiment("exp-new")).containsExactly(expiring);
        } finally {
            Keyspaces.drop(stack, keyspace);
        }
    }
}
