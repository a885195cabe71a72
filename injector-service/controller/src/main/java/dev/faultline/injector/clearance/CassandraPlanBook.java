package dev.faultline.injector.clearance;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.faultline.kit.cassandra.CreatesTables;
import dev.faultline.schemas.avro.Hypothesis;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.OptionalInt;

/** {@link PlanBook} in Cassandra: tables {@code plans} (one row per revision, the hypothesis as Avro) and {@code approvals}. */
@Singleton
@CreatesTables
public class CassandraPlanBook implements PlanBook {

    private final CqlSession session;
    private final PreparedStatement insertPlan;
    private final PreparedStatement selectPlan;
    private final PreparedStatement insertApproval;
    private final PreparedStatement selectApproval;

    public CassandraPlanBook(CqlSession session) {
        this.session = session;
        session.execute("CREATE TABLE IF NOT EXISTS plans (experiment_id text, revision int, hypothesis blob, "
                + "PRIMARY KEY (experiment_id, revision))");
        session.execute("CREATE TABLE IF NOT EXISTS approvals (experiment_id text PRIMARY KEY, revision int)");
        insertPlan = session.prepare("INSERT INTO plans (experiment_id, revision, hypothesis) VALUES (?, ?, ?)");
        selectPlan = session.prepare("SELECT hypothesis FROM plans WHERE experiment_id = ? AND revision = ?");
        insertApproval = session.prepare("INSERT INTO approvals (experiment_id, revision) VALUES (?, ?)");
        selectApproval = session.prepare("SELECT revision FROM approvals WHERE experiment_id = ?");
    }

    @Override
    public void draft(String experimentId, int revision, Hypothesis hypothesis) {
        try {
            session.execute(insertPlan.bind(experimentId, revision, hypothesis.toByteBuffer()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void approve(String experimentId, int revision) {
        session.execute(insertApproval.bind(experimentId, revision));
    }

    @Override
    public OptionalInt approvedRevision(String experimentId) {
        Row row = session.execute(selectApproval.bind(experimentId)).one();
        return row == null ? OptionalInt.empty() : OptionalInt.of(row.getInt("revision"));
    }

    @Override
    public Optional<Hypothesis> revision(String experimentId, int revision) {
        Row row = session.execute(selectPlan.bind(experimentId, revision)).one();
        if (row == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Hypothesis.fromByteBuffer(row.getByteBuffer("hypothesis")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
