package dev.faultline.safety.baseline;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import jakarta.inject.Singleton;
import java.util.Optional;

/** {@link Baselines} in the table {@code baselines}, one row per (service, probe). */
@Singleton
public class CassandraBaselines implements Baselines {

    private final CqlSession session;
    private final PreparedStatement select;
    private final PreparedStatement upsert;

    public CassandraBaselines(CqlSession session) {
        this.session = session;
        session.execute("CREATE TABLE IF NOT EXISTS baselines (service text, probe_id text, error_rate double,"
                + " p95_millis double, samples bigint, updated_at timestamp, PRIMARY KEY ((service), probe_id))");
        this.select = session.prepare("SELECT * FROM baselines WHERE service = ? AND probe_id = ?");
        this.upsert = session.prepare("INSERT INTO baselines (service, probe_id, error_rate, p95_millis, samples, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)");
    }

    @Override
    public Optional<Baseline> find(String service, String probeId) {
        Row row = session.execute(select.bind(service, probeId)).one();
        return row == null ? Optional.empty() : Optional.of(new Baseline(service, probeId, row.getDouble("error_rate"),
                row.getDouble("p95_millis"), row.getLong("samples"), row.getInstant("updated_at")));
    }

    @Override
    public void save(Baseline b) {
        session.execute(upsert.bind(b.service(), b.probeId(), b.errorRate(), b.p95Millis(), b.samples(), b.updatedAt()));
    }
}
