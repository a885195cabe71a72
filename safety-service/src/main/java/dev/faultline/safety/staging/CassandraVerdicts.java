package dev.faultline.safety.staging;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.faultline.kit.cassandra.CreatesTables;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.VerdictOutcome;
import jakarta.inject.Singleton;
import java.util.List;

/** {@link VerdictBook} in the table {@code verdicts}, one partition per environment, service and fault type. */
@Singleton
@CreatesTables
public class CassandraVerdicts implements VerdictBook {

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement select;

    public CassandraVerdicts(CqlSession session) {
        this.session = session;
        session.execute("CREATE TABLE IF NOT EXISTS verdicts (environment text, service text, fault_type text,"
                + " issued_at timestamp, experiment_id text, revision int, outcome text,"
                + " PRIMARY KEY ((environment, service, fault_type), issued_at, experiment_id))"
                + " WITH CLUSTERING ORDER BY (issued_at DESC, experiment_id ASC)");
        this.insert = session.prepare("INSERT INTO verdicts (environment, service, fault_type, issued_at, experiment_id,"
                + " revision, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)");
        this.select = session.prepare("SELECT * FROM verdicts WHERE environment = ? AND service = ? AND fault_type = ?");
    }

    @Override
    public void save(StagingVerdict v) {
        session.execute(insert.bind(v.environment().name(), v.service(), v.faultType().name(), v.issuedAt(),
                v.experimentId(), v.revision(), v.outcome().name()));
    }

    @Override
    public List<StagingVerdict> verdicts(Environment environment, String service, FaultType faultType) {
        return session.execute(select.bind(environment.name(), service, faultType.name())).all().stream()
                .map(r -> new StagingVerdict(r.getString("experiment_id"), r.getInt("revision"), environment, service,
                        faultType, VerdictOutcome.valueOf(r.getString("outcome")), r.getInstant("issued_at")))
                .toList();
    }
}
