package dev.faultline.safety.approval;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.faultline.kit.cassandra.CreatesTables;
import dev.faultline.kit.cassandra.KeyspaceColumns;
import dev.faultline.schemas.avro.ApprovalDecision;
import jakarta.inject.Singleton;
import java.util.List;

/** Approvals in the table {@code approvals}, per experiment, ordered by revision and time. */
@Singleton
@CreatesTables
public class CassandraApprovals implements ApprovalStore {

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement select;

    public CassandraApprovals(CqlSession session) {
        this.session = session;
        session.execute("CREATE TABLE IF NOT EXISTS approvals (experiment_id text, revision int, recorded_at timestamp,"
                + " approver text, decision text, comment text, valid_until timestamp,"
                + " PRIMARY KEY ((experiment_id), revision, recorded_at, approver))");
        addValidUntil(session);
        this.insert = session.prepare("INSERT INTO approvals (experiment_id, revision, recorded_at, approver, decision, comment,"
                + " valid_until) VALUES (?, ?, ?, ?, ?, ?, ?)");
        this.select = session.prepare("SELECT * FROM approvals WHERE experiment_id = ?");
    }

    /** A keyspace created before approvals expired has the table without the column. */
    private static void addValidUntil(CqlSession session) {
        if (!KeyspaceColumns.has(session, "approvals", "valid_until")) {
            session.execute("ALTER TABLE approvals ADD valid_until timestamp");
        }
    }

    @Override
    public void save(Approval a) {
        session.execute(insert.bind(a.experimentId(), a.revision(), a.recordedAt(), a.approver(), a.decision().name(),
                a.comment(), a.validUntil()));
    }

    @Override
    public List<Approval> forExperiment(String experimentId) {
        return session.execute(select.bind(experimentId)).all().stream()
                .map(r -> new Approval(experimentId, r.getInt("revision"), r.getString("approver"),
                        ApprovalDecision.valueOf(r.getString("decision")), r.getString("comment"),
                        r.getInstant("recorded_at"), r.getInstant("valid_until")))
                .toList();
    }
}
