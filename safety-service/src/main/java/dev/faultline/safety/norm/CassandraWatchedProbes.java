package dev.faultline.safety.norm;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.faultline.kit.cassandra.CreatesTables;
import dev.faultline.safety.plan.Probe;
import dev.faultline.schemas.avro.Environment;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * {@link WatchedProbes} in the table {@code watched_probes}, one row per (environment, service, probe). A row is
 * written with the approval's time as its write timestamp, so the latest approval's definition wins in any replay
 * order, and expires {@code retention} after that approval (an approval older than that is not written at all), so
 * a rebuild from offset zero watches the same probes.
 */
@Singleton
@CreatesTables
public class CassandraWatchedProbes implements WatchedProbes {

    private final CqlSession session;
    private final PreparedStatement upsert;
    private final Duration retention;
    private final Clock clock;

    public CassandraWatchedProbes(CqlSession session, NormSettings settings, Clock clock) {
        this.session = session;
        this.retention = settings.retention();
        this.clock = clock;
        session.execute("CREATE TABLE IF NOT EXISTS watched_probes (environment text, service text, probe_id text,"
                + " url text, method text, timeout_millis bigint, headers map<text, text>, body text,"
                + " PRIMARY KEY ((environment), service, probe_id))");
        this.upsert = session.prepare("INSERT INTO watched_probes (environment, service, probe_id, url, method,"
                + " timeout_millis, headers, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?) USING TTL ? AND TIMESTAMP ?");
    }

    @Override
    public void watch(ProbeKey key, Probe probe, Instant approvedAt) {
        long ttl = retention.minus(Duration.between(approvedAt, clock.instant())).toSeconds();
        if (ttl <= 0) {
            return;
        }
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, approvedAt);
        session.execute(upsert.bind(key.environment().name(), key.service(), key.probeId(), probe.url(), probe.method(),
                probe.timeoutMillis(), probe.headers(), probe.body(), (int) Math.min(ttl, Integer.MAX_VALUE), micros));
    }

    @Override
    public List<Watched> all() {
        return session.execute("SELECT * FROM watched_probes").all().stream().map(CassandraWatchedProbes::watched)
                .toList();
    }

    private static Watched watched(Row row) {
        ProbeKey key = new ProbeKey(Environment.valueOf(row.getString("environment")), row.getString("service"),
                row.getString("probe_id"));
        Map<String, String> headers = row.getMap("headers", String.class, String.class);
        return new Watched(key, new Probe(key.probeId(), "HTTP", row.getString("url"), row.getString("method"),
                row.getLong("timeout_millis"), headers == null ? Map.of() : headers, row.getString("body")));
    }
}
