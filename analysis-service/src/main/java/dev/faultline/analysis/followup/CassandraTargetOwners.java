package dev.faultline.analysis.followup;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.faultline.kit.cassandra.CreatesTables;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.TargetDeclared;
import jakarta.inject.Singleton;
import java.util.List;

/** {@link TargetOwners} in Cassandra's {@code target_owners}: an upsert per declaration, so the latest wins. */
@Singleton
@CreatesTables
public class CassandraTargetOwners implements TargetOwners {

    private final CqlSession session;
    private final PreparedStatement upsert;
    private final PreparedStatement select;

    public CassandraTargetOwners(CqlSession session) {
        this.session = session;
        FollowUpTables.create(session);
        upsert = session.prepare("INSERT INTO target_owners (service, environment, owners, removed) VALUES (?, ?, ?, ?)");
        select = session.prepare("SELECT owners, removed FROM target_owners WHERE service = ? AND environment = ?");
    }

    @Override
    public void declare(TargetDeclared declared) {
        session.execute(upsert.bind(declared.getService(), declared.getEnvironment().name(),
                List.copyOf(declared.getOwners()), declared.getRemoved()));
    }

    @Override
    public List<String> owners(Environment environment, String service) {
        Row row = session.execute(select.bind(service, environment.name())).one();
        if (row == null || row.getBoolean("removed")) {
            return List.of();
        }
        return row.getList("owners", String.class);
    }
}
