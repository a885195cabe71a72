package dev.faultline.safety.norm;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.faultline.kit.cassandra.CreatesTables;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

/**
 * {@link ProbeHistory} in the table {@code probe_history}: one partition per (environment, service, probe, hour of
 * the week), so that a norm reads one small partition (60 samples an hour a week at the default rate), newest first;
 * every sample expires after {@code retention} (TTL), so the table stays bounded. Unlike the other tables this is no
 * projection of a topic: the samples are observations of the outside world, not decisions, and a dropped keyspace
 * starts the history again.
 */
@Singleton
@CreatesTables
public class CassandraProbeHistory implements ProbeHistory {

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement select;
    private final int ttlSeconds;

    public CassandraProbeHistory(CqlSession session, NormSettings settings) {
        this.session = session;
        session.execute("CREATE TABLE IF NOT EXISTS probe_history (environment text, service text, probe_id text,"
                + " hour_of_week int, at timestamp, latency_millis double, ok boolean,"
                + " PRIMARY KEY ((environment, service, probe_id, hour_of_week), at)) WITH CLUSTERING ORDER BY (at DESC)");
        this.insert = session.prepare("INSERT INTO probe_history (environment, service, probe_id, hour_of_week, at,"
                + " latency_millis, ok) VALUES (?, ?, ?, ?, ?, ?, ?) USING TTL ?");
        this.select = session.prepare("SELECT at, latency_millis, ok FROM probe_history WHERE environment = ?"
                + " AND service = ? AND probe_id = ? AND hour_of_week = ? AND at >= ?");
        this.ttlSeconds = Math.toIntExact(settings.retention().toSeconds());
    }

    @Override
    public void record(ProbeKey key, Sample sample) {
        session.execute(insert.bind(key.environment().name(), key.service(), key.probeId(),
                HourOfWeek.of(sample.at()).index(), sample.at(), sample.latencyMillis(), sample.ok(), ttlSeconds));
    }

    @Override
    public List<Sample> samples(ProbeKey key, HourOfWeek hour, Instant since) {
        return session.execute(select.bind(key.environment().name(), key.service(), key.probeId(), hour.index(), since))
                .all().stream()
                .map(row -> new Sample(row.getInstant("at"), row.getDouble("latency_millis"), row.getBoolean("ok")))
                .toList();
    }
}
