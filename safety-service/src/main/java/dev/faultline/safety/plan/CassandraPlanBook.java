package dev.faultline.safety.plan;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.faultline.kit.cassandra.CreatesTables;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.Hypothesis;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** {@link PlanBook} in the tables {@code plans} and {@code experiments}; upserts only. */
@Singleton
@CreatesTables
public class CassandraPlanBook implements PlanBook {

    private final CqlSession session;
    private final PreparedStatement saveDraft;
    private final PreparedStatement latest;
    private final PreparedStatement revision;
    private final PreparedStatement experiment;
    private final PreparedStatement saveHeader;
    private final PreparedStatement header;

    public CassandraPlanBook(CqlSession session) {
        this.session = session;
        session.execute("CREATE TABLE IF NOT EXISTS plans (experiment_id text, revision int, hypothesis blob,"
                + " PRIMARY KEY ((experiment_id), revision)) WITH CLUSTERING ORDER BY (revision DESC)");
        session.execute("CREATE TABLE IF NOT EXISTS experiments (experiment_id text PRIMARY KEY, proposed_by text,"
                + " drafted_for text, approved_revision int)");
        this.saveDraft = session.prepare("INSERT INTO plans (experiment_id, revision, hypothesis) VALUES (?, ?, ?)");
        this.latest = session.prepare("SELECT revision, hypothesis FROM plans WHERE experiment_id = ? LIMIT 1");
        this.revision = session.prepare("SELECT revision, hypothesis FROM plans WHERE experiment_id = ? AND revision = ?");
        this.experiment = session.prepare("SELECT * FROM experiments WHERE experiment_id = ?");
        session.execute("CREATE TABLE IF NOT EXISTS plan_headers (experiment_id text, revision int, header blob,"
                + " PRIMARY KEY ((experiment_id), revision))");
        this.saveHeader = session.prepare("INSERT INTO plan_headers (experiment_id, revision, header) VALUES (?, ?, ?)");
        this.header = session.prepare("SELECT header FROM plan_headers WHERE experiment_id = ? AND revision = ?");
    }

    @Override
    public void saveDraft(String experimentId, int rev, Hypothesis hypothesis, EventHeader draftHeader) {
        try {
            session.execute(saveDraft.bind(experimentId, rev, hypothesis.toByteBuffer()));
            session.execute(saveHeader.bind(experimentId, rev, draftHeader.toByteBuffer()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void proposedBy(String experimentId, String person) {
        session.execute("UPDATE experiments SET proposed_by = ? WHERE experiment_id = ?", person, experimentId);
    }

    @Override
    public void draftedFor(String experimentId, String person) {
        session.execute("UPDATE experiments SET drafted_for = ? WHERE experiment_id = ?", person, experimentId);
    }

    @Override
    public void approved(String experimentId, int rev) {
        session.execute("UPDATE experiments SET approved_revision = ? WHERE experiment_id = ?", rev, experimentId);
    }

    @Override
    public Optional<EventHeader> draftHeader(String experimentId, int rev) {
        Row row = session.execute(header.bind(experimentId, rev)).one();
        if (row == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventHeader.fromByteBuffer(row.getByteBuffer("header")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Plan> latest(String experimentId) {
        return toPlan(experimentId, session.execute(latest.bind(experimentId)).one());
    }

    @Override
    public String proposer(String experimentId) {
        Row row = session.execute(experiment.bind(experimentId)).one();
        if (row == null) {
            return null;
        }
        return row.getString("proposed_by") != null ? row.getString("proposed_by") : row.getString("drafted_for");
    }

    @Override
    public Optional<ApprovedPlan> approvedPlan(String experimentId) {
        Row row = session.execute(experiment.bind(experimentId)).one();
        if (row == null || row.isNull("approved_revision")) {
            return Optional.empty();
        }
        int rev = row.getInt("approved_revision");
        String proposer = row.getString("proposed_by") != null ? row.getString("proposed_by") : row.getString("drafted_for");
        return toPlan(experimentId, session.execute(revision.bind(experimentId, rev)).one())
                .map(plan -> new ApprovedPlan(plan, proposer));
    }

    private static Optional<Plan> toPlan(String experimentId, Row row) {
        if (row == null) {
            return Optional.empty();
        }
        try {
            Hypothesis h = Hypothesis.fromByteBuffer(row.getByteBuffer("hypothesis"));
            return Optional.of(PlanMapper.toPlan(experimentId, row.getInt("revision"), h));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
