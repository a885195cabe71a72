package dev.faultline.safety.preflight;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.faultline.kit.cassandra.CreatesTables;
import dev.faultline.schemas.avro.PreflightBlocked;
import dev.faultline.schemas.avro.PreflightPassed;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * {@link PreflightResults} in the table {@code preflight_results}, newest first per experiment, each kept as the
 * published event so that what the API shows is exactly what went on the topic.
 */
@Singleton
@CreatesTables
public class CassandraPreflightResults implements PreflightResults {

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement latest;
    private final PreparedStatement cleared;

    public CassandraPreflightResults(CqlSession session) {
        this.session = session;
        session.execute("CREATE TABLE IF NOT EXISTS preflight_results (experiment_id text, checked_at timestamp,"
                + " revision int, passed boolean, summary text, event_type text, event blob,"
                + " PRIMARY KEY ((experiment_id), checked_at)) WITH CLUSTERING ORDER BY (checked_at DESC)");
        this.insert = session.prepare("INSERT INTO preflight_results (experiment_id, checked_at, revision, passed,"
                + " summary, event_type, event) VALUES (?, ?, ?, ?, ?, ?, ?)");
        this.latest = session.prepare("SELECT * FROM preflight_results WHERE experiment_id = ? LIMIT 1");
        this.cleared = session.prepare("SELECT * FROM preflight_results WHERE experiment_id = ?");
    }

    @Override
    public void save(PreflightRecord record, SpecificRecordBase event) {
        try {
            ByteBuffer blob = event instanceof PreflightPassed p ? p.toByteBuffer() : ((PreflightBlocked) event).toByteBuffer();
            session.execute(insert.bind(record.experimentId(), record.checkedAt(), record.revision(), record.passed(),
                    record.summary(), event.getClass().getSimpleName(), blob));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<PreflightRecord> latest(String experimentId) {
        return Optional.ofNullable(session.execute(latest.bind(experimentId)).one()).map(CassandraPreflightResults::toRecord);
    }

    @Override
    public Optional<PreflightRecord> clearedRevision(String experimentId, int revision) {
        return session.execute(cleared.bind(experimentId)).all().stream()
                .filter(r -> r.getBoolean("passed") && r.getInt("revision") == revision)
                .findFirst().map(CassandraPreflightResults::toRecord);
    }

    private static PreflightRecord toRecord(Row row) {
        try {
            return row.getBoolean("passed") ? PreflightRecord.of(PreflightPassed.fromByteBuffer(row.getByteBuffer("event")))
                    : PreflightRecord.of(PreflightBlocked.fromByteBuffer(row.getByteBuffer("event")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode the preflight of " + row.getString("experiment_id"), e);
        }
    }
}
