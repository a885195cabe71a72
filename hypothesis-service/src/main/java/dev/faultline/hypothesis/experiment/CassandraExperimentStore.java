package dev.faultline.hypothesis.experiment;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.HypothesisRejected;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps experiments in Cassandra, one row each: proposer, status, the revisions as Avro-encoded
 * {@code HypothesisDrafted} blobs and the rejection as an Avro-encoded {@code HypothesisRejected}.
 */
public final class CassandraExperimentStore implements ExperimentStore {

    private final CqlSession session;
    private final PreparedStatement insert;

    public CassandraExperimentStore(CqlSession session) {
        this.session = session;
        session.execute("CREATE TABLE IF NOT EXISTS experiments (experiment_id text PRIMARY KEY, proposer text, "
                + "status text, revisions list<blob>, rejection blob)");
        this.insert = session.prepare("INSERT INTO experiments (experiment_id, proposer, status, revisions, rejection) "
                + "VALUES (?, ?, ?, ?, ?)");
    }

    @Override
    public void save(Experiment e) {
        try {
            List<ByteBuffer> revisions = new ArrayList<>();
            for (HypothesisDrafted drafted : e.revisions()) {
                revisions.add(drafted.toByteBuffer());
            }
            ByteBuffer rejection = e.rejection() == null ? null : e.rejection().toByteBuffer();
            session.execute(insert.bind(e.experimentId(), e.proposer(), e.status().name(), revisions, rejection));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot encode experiment " + e.experimentId(), ex);
        }
    }

    @Override
    public List<Experiment> all() {
        List<Experiment> all = new ArrayList<>();
        for (Row row : session.execute("SELECT experiment_id, proposer, status, revisions, rejection FROM experiments")) {
            all.add(read(row));
        }
        return all;
    }

    private static Experiment read(Row row) {
        try {
            List<HypothesisDrafted> revisions = new ArrayList<>();
            for (ByteBuffer blob : row.getList("revisions", ByteBuffer.class)) {
                revisions.add(HypothesisDrafted.fromByteBuffer(blob));
            }
            ByteBuffer rejection = row.getByteBuffer("rejection");
            return new Experiment(row.getString("experiment_id"), row.getString("proposer"),
                    ExperimentStatus.valueOf(row.getString("status")), revisions,
                    rejection == null ? null : HypothesisRejected.fromByteBuffer(rejection));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot decode experiment " + row.getString("experiment_id"), ex);
        }
    }
}
