package dev.faultline.kit.health;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * {@code cassandra} in {@code /health}, for services with a {@link CqlSession}: UP while the node answers
 * {@code SELECT release_version FROM system.local} within the deadline. A stopped node fails at once (the driver
 * knows it is down); a hung one fails at the deadline.
 */
@Singleton
@Requires(beans = CqlSession.class)
public class CassandraHealth extends DependencyHealth {

    private final CqlSession session;
    private final SimpleStatement probe;

    public CassandraHealth(CqlSession session, HealthSettings health) {
        super("cassandra", health);
        this.session = session;
        this.probe = SimpleStatement.newInstance("SELECT release_version FROM system.local").setTimeout(health.timeout());
    }

    @Override
    protected CompletionStage<Map<String, Object>> check() {
        return session.executeAsync(probe).thenApply(rows -> {
            Row row = rows.one();
            return Map.of("releaseVersion", row == null ? "unknown" : row.getString("release_version"));
        });
    }

    @Override
    protected Map<String, Object> where() {
        Map<String, Object> where = new HashMap<>();
        where.put("keyspace", session.getKeyspace().map(CqlIdentifier::asInternal).orElse(""));
        return where;
    }
}
