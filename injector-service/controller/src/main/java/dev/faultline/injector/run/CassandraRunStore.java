package dev.faultline.injector.run;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.faultline.kit.cassandra.CreatesTables;
import dev.faultline.kit.cassandra.KeyspaceColumns;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link RunStore} in Cassandra: {@code runs} (clearance id → injection id, claimed with a lightweight transaction so
 * that two deliveries of one PreflightPassed never both run), {@code active_injections} (with the owning instance,
 * taken over with a lightweight transaction so that two survivors never both close one run; a row nobody owns is
 * taken only while it exists — {@code holder != null} — since a condition on a missing row's column reads null) and
 * {@code injector_instances} (each instance's last heartbeat and its member id in the clearance listener's consumer
 * group; a day's TTL, so that the names of instances started once do not pile up).
 */
@Singleton
@CreatesTables
public class CassandraRunStore implements RunStore {

    private static final int BEAT_TTL_SECONDS = 24 * 3600;

    private final CqlSession session;
    private final String owner;
    private final PreparedStatement claim;
    private final PreparedStatement claimed;
    private final PreparedStatement insertActive;
    private final PreparedStatement deleteActive;
    private final PreparedStatement takeOver;
    private final PreparedStatement takeOverOrphan;
    private final PreparedStatement beat;
    /** Rows of ended runs whose deletion the store did not answer: deleted at the next heartbeat that reaches it. */
    private final Set<UUID> unforgotten = ConcurrentHashMap.newKeySet();

    public CassandraRunStore(CqlSession session, InjectorInstance instance) {
        this.session = session;
        this.owner = instance.id();
        session.execute("CREATE TABLE IF NOT EXISTS runs (clearance_id uuid PRIMARY KEY, injection_id uuid, experiment_id text)");
        session.execute("CREATE TABLE IF NOT EXISTS active_injections (injection_id uuid PRIMARY KEY, experiment_id text, "
                + "holder text, started_at timestamp, cause blob, owner text)");
        addColumn(session, "active_injections", "owner"); // its rows read as nobody's, so the next start closes them
        session.execute("CREATE TABLE IF NOT EXISTS injector_instances (instance_id text PRIMARY KEY, beat_at timestamp, "
                + "member text)");
        addColumn(session, "injector_instances", "member");
        claim = session.prepare("INSERT INTO runs (clearance_id, injection_id, experiment_id) VALUES (?, ?, ?) IF NOT EXISTS");
        claimed = session.prepare("SELECT injection_id FROM runs WHERE clearance_id = ?");
        insertActive = session.prepare("INSERT INTO active_injections (injection_id, experiment_id, holder, started_at, cause, owner) "
                + "VALUES (?, ?, ?, ?, ?, ?)");
        deleteActive = session.prepare("DELETE FROM active_injections WHERE injection_id = ?");
        takeOver = session.prepare("UPDATE active_injections SET owner = ? WHERE injection_id = ? IF owner = ?");
        takeOverOrphan = session.prepare("UPDATE active_injections SET owner = ? WHERE injection_id = ? IF owner = null AND holder != null");
        beat = session.prepare("INSERT INTO injector_instances (instance_id, beat_at, member) VALUES (?, ?, ?) "
                + "USING TTL " + BEAT_TTL_SECONDS);
    }

    /** A text column a keyspace made by an earlier version lacks. */
    private static void addColumn(CqlSession session, String table, String column) {
        if (!KeyspaceColumns.has(session, table, column)) {
            session.execute("ALTER TABLE " + table + " ADD " + column + " text");
        }
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
        insert(record, owner);
    }

    @Override
    public void restoreActive(ActiveRecord record) {
        insert(record, null);
    }

    private void insert(ActiveRecord record, @Nullable String by) {
        session.execute(insertActive.bind(record.injectionId(), record.experimentId(), record.holder(), record.startedAt(),
                ByteBuffer.wrap(record.causeHeader()), by));
    }

    @Override
    public void removeActive(UUID injectionId) {
        unforgotten.add(injectionId);
        session.execute(deleteActive.bind(injectionId));
        unforgotten.remove(injectionId);
    }

    @Override
    public List<Owned> active() {
        List<Owned> records = new ArrayList<>();
        for (Row row : session.execute("SELECT injection_id, experiment_id, holder, started_at, cause, owner FROM active_injections")) {
            ByteBuffer cause = row.getByteBuffer("cause");
            byte[] bytes = new byte[cause == null ? 0 : cause.remaining()];
            if (cause != null) {
                cause.duplicate().get(bytes);
            }
            records.add(new Owned(new ActiveRecord(row.getUuid("injection_id"), row.getString("experiment_id"),
                    row.getString("holder"), row.getInstant("started_at"), bytes), row.getString("owner")));
        }
        return records;
    }

    @Override
    public boolean takeOver(UUID injectionId, @Nullable String from) {
        return session.execute(from == null ? takeOverOrphan.bind(owner, injectionId) : takeOver.bind(owner, injectionId, from))
                .wasApplied();
    }

    @Override
    public String owner() {
        return owner;
    }

    @Override
    public void beat(Instant at, @Nullable String member) {
        // with no member the third value stays unset, which leaves the member recorded before as it is
        BoundStatement heartbeat = beat.bind(owner, at);
        session.execute(member == null ? heartbeat : heartbeat.setString(2, member));
        for (UUID injectionId : unforgotten) {
            session.execute(deleteActive.bind(injectionId));
            unforgotten.remove(injectionId);
        }
    }

    @Override
    public Map<String, Instant> beats() {
        Map<String, Instant> beats = new HashMap<>();
        for (Row row : session.execute("SELECT instance_id, beat_at FROM injector_instances")) {
            beats.put(row.getString("instance_id"), row.getInstant("beat_at"));
        }
        return beats;
    }

    @Override
    public Map<String, String> members() {
        Map<String, String> members = new HashMap<>();
        for (Row row : session.execute("SELECT instance_id, member FROM injector_instances")) {
            if (row.getString("member") != null) {
                members.put(row.getString("instance_id"), row.getString("member"));
            }
        }
        return members;
    }
}
