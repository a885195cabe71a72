package dev.faultline.safety.schedule;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.faultline.kit.cassandra.CreatesTables;
import dev.faultline.schemas.avro.Environment;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * {@link ScheduleBook} in the table {@code scheduled_starts}, one row per experiment (upserts only), and the attempts
 * claimed in {@code schedule_claims} (lightweight transactions). A schedule and its settle are written with their
 * event's time as the write timestamp, so the latest event wins in any replay order: an old ExperimentScheduled read
 * again never reopens a schedule that a later preflight settled.
 */
@Singleton
@CreatesTables
public class CassandraScheduleBook implements ScheduleBook {

    private final CqlSession session;
    private final PreparedStatement upsert;
    private final PreparedStatement settle;
    private final PreparedStatement find;
    private final PreparedStatement claim;

    public CassandraScheduleBook(CqlSession session) {
        this.session = session;
        session.execute("CREATE TABLE IF NOT EXISTS scheduled_starts (experiment_id text PRIMARY KEY, revision int,"
                + " environment text, window_start timestamp, window_end timestamp, settled boolean)");
        this.upsert = session.prepare("INSERT INTO scheduled_starts (experiment_id, revision, environment, window_start,"
                + " window_end, settled) VALUES (?, ?, ?, ?, ?, false) USING TIMESTAMP ?");
        this.settle = session.prepare("UPDATE scheduled_starts USING TIMESTAMP ? SET settled = true"
                + " WHERE experiment_id = ?");
        this.find = session.prepare("SELECT * FROM scheduled_starts WHERE experiment_id = ?");
        // claims are written only with lightweight transactions, in a table of their own, and expire after a day
        session.execute("CREATE TABLE IF NOT EXISTS schedule_claims (experiment_id text, window_start timestamp,"
                + " attempt bigint, PRIMARY KEY ((experiment_id), window_start, attempt))");
        this.claim = session.prepare("INSERT INTO schedule_claims (experiment_id, window_start, attempt)"
                + " VALUES (?, ?, ?) IF NOT EXISTS USING TTL 86400");
    }

    @Override
    public void scheduled(ScheduledStart start, Instant at) {
        session.execute(upsert.bind(start.experimentId(), start.revision(), start.environment().name(),
                start.window().start(), start.window().end(), micros(at)));
    }

    @Override
    public void settled(String experimentId, int revision, Instant at) {
        // only the projection writes here, one event at a time: a read then a write is enough (a settle of an older
        // revision read again finds the row moved on to a later one)
        if (find(experimentId).filter(s -> s.revision() == revision).isPresent()) {
            session.execute(settle.bind(micros(at), experimentId));
        }
    }

    private static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    @Override
    public Optional<ScheduledStart> find(String experimentId) {
        return Optional.ofNullable(session.execute(find.bind(experimentId)).one()).map(CassandraScheduleBook::toStart);
    }

    @Override
    public List<ScheduledStart> open() {
        // a handful of rows (the experiments waiting for their window), read whole on each tick
        return session.execute("SELECT * FROM scheduled_starts").all().stream().map(CassandraScheduleBook::toStart)
                .filter(s -> !s.settled()).toList();
    }

    @Override
    public boolean claim(String experimentId, Instant windowStart, long attempt) {
        return session.execute(claim.bind(experimentId, windowStart, attempt)).wasApplied();
    }

    private static ScheduledStart toStart(Row row) {
        return new ScheduledStart(row.getString("experiment_id"), row.getInt("revision"),
                Environment.valueOf(row.getString("environment")),
                new ScheduleWindow(row.getInstant("window_start"), row.getInstant("window_end")),
                row.getBoolean("settled"));
    }
}
