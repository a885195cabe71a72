package dev.faultline.injector.run;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link RunStore} in Cassandra: {@code runs} (clearance id → injection id, claimed with a lightweight transaction so
 * that two deliveries of one PreflightPassed never both run) and {@code active_injections}.
 */
@Singleton
public class CassandraRunStore implements RunStore {

    private final CqlSession session;
    private final PreparedStatement claim;
    private final PreparedStatement claimed;
    private final PreparedStatement insertActive;
    private final PreparedStatement deleteActive;

    public CassandraRunStore(CqlSession session) {
        this.session = session;
        session.execute("CREATE TABLE IF NOT EXISTS runs (clearance_id uuid PRIMARY KEY, injection_id uuid, experiment_id text)");
        session.execute("CREATE TABLE IF NOT EXISTS active_injections (injection_id uuid PRIMARY KEY, experiment_id text, "
                + "holder text, started_at timestamp, cause blob)");
        claim = session.prepare("INSERT INTO runs (clearance_id, injection_id, experiment_id) VALUES (?, ?, ?) IF NOT EXISTS");
        claimed = session.prepare("SELECT injection_id FROM runs WHERE clearance_id = ?");
        insertActive = session.prepare("INSERT INTO active_injections (injection_id, experiment_id, holder, started_at, cause) "
                + "VALUES (?, ?, ?, ?, ?)");
        deleteActive = session.prepare("DELETE FROM active_injections WHERE injection_id = ?");
    }

    @Override
    public Optional<UUID> claim(UUID clearanceId, UUID injectionId, String experimentId) {
        ResultSet result = session.execute(claim.bind(clearanceId, injectionId, experimentId));
        if (result.wasApplied()) {
            return Optional.empty();
        }
        Row row = result.one();
        return Optional.of(row == null ? injectionId : row.getUuid("injection_id"));
    }

    @Override
    public Optional<UUID> claimedBy(UUID clearanceId) {
        Row row = session.execute(claimed.bind(clearanceId)).one();
        return row == null ? Optional.empty() : Optional.ofNullable(row.getUuid("injection_id"));
    }

    @Override
    public void recordActive(ActiveRecord record) {
        session.execute(insertActive.bind(record.injectionId(), record.experimentId(), record.holder(), record.startedAt(),
                ByteBuffer.wrap(record.causeHeader())));
    }

    @Override
    public void removeActive(UUID injectionId) {
        session.execute(deleteActive.bind(injectionId));
    }

    @Override
    public List<ActiveRecord> active() {
        List<ActiveRecord> records = new ArrayList<>();
        for (Row row : session.execute("SELECT injection_id, experiment_id, holder, started_at, cause FROM active_injections")) {
            ByteBuffer cause = row.getByteBuffer("cause");
            byte[] bytes = new byte[cause == null ? 0 : cause.remaining()];
            if (cause != null) {
                cause.duplicate().get(bytes);
            }
            records.add(new ActiveRecord(row.getUuid("injection_id"), row.getString("experiment_id"), row.getString("holder"),
                    row.getInstant("started_at"), bytes));
        }
        return records;
    }
}
