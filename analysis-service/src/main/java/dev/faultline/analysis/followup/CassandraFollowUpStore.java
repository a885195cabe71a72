package dev.faultline.analysis.followup;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.faultline.analysis.evidence.AvroBlobs;
import dev.faultline.kit.cassandra.CreatesTables;
import dev.faultline.schemas.avro.FollowUpOpened;
import dev.faultline.schemas.avro.FollowUpState;
import dev.faultline.schemas.avro.FollowUpStateChanged;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link FollowUpStore} in Cassandra: {@code follow_ups} (one row per follow-up: its FollowUpOpened whole, its state,
 * assignee and last change's sequence) and {@code follow_up_changes} (each change whole). Opening is a lightweight
 * transaction ({@code IF NOT EXISTS}), a change applies only over the one before it ({@code IF sequence = n - 1}).
 * The queue is read whole and filtered by the caller: a team's queue holds hundreds of follow-ups, not millions.
 */
@Singleton
@CreatesTables
public class CassandraFollowUpStore implements FollowUpStore {

    private static final String COLUMNS = "opened, state, assignee, sequence, updated_at, published";

    private final CqlSession session;
    private final PreparedStatement claim;
    private final PreparedStatement published;
    private final PreparedStatement apply;
    private final PreparedStatement change;
    private final PreparedStatement select;
    private final PreparedStatement selectAll;
    private final PreparedStatement changes;

    public CassandraFollowUpStore(CqlSession session) {
        this.session = session;
        FollowUpTables.create(session);
        claim = session.prepare("INSERT INTO follow_ups (follow_up_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, 0, ?, ?)"
                + " IF NOT EXISTS");
        published = session.prepare("UPDATE follow_ups SET published = true WHERE follow_up_id = ? IF EXISTS");
        apply = session.prepare("UPDATE follow_ups SET state = ?, assignee = ?, sequence = ?, updated_at = ?"
                + " WHERE follow_up_id = ? IF sequence = ?");
        change = session.prepare("INSERT INTO follow_up_changes (follow_up_id, sequence, event) VALUES (?, ?, ?)");
        select = session.prepare("SELECT " + COLUMNS + " FROM follow_ups WHERE follow_up_id = ?");
        selectAll = session.prepare("SELECT " + COLUMNS + " FROM follow_ups");
        changes = session.prepare("SELECT event FROM follow_up_changes WHERE follow_up_id = ?");
    }

    @Override
    public boolean claim(FollowUpOpened opened) {
        return insert(opened, false);
    }

    @Override
    public void markPublished(UUID followUpId) {
        session.execute(published.bind(followUpId));
    }

    @Override
    public void saveKnown(FollowUpOpened opened) {
        if (!insert(opened, true)) {
            markPublished(opened.getFollowUpId());
        }
    }

    @Override
    public boolean apply(FollowUpStateChanged c) {
        boolean applied = session.execute(apply.bind(c.getTo().name(), c.getAssignee(), c.getSequence(),
                c.getHeader().getOccurredAt(), c.getFollowUpId(), c.getSequence() - 1)).wasApplied();
        if (applied) {
            session.execute(change.bind(c.getFollowUpId(), c.getSequence(), AvroBlobs.encode(c)));
        }
        return applied;
    }

    @Override
    public Optional<QueuedFollowUp> find(UUID followUpId) {
        return Optional.ofNullable(session.execute(select.bind(followUpId)).one()).map(CassandraFollowUpStore::toFollowUp);
    }

    @Override
    public List<QueuedFollowUp> all() {
        List<QueuedFollowUp> all = new ArrayList<>();
        session.execute(selectAll.bind()).forEach(row -> all.add(toFollowUp(row)));
        return all;
    }

    @Override
    public List<FollowUpStateChanged> history(UUID followUpId) {
        List<FollowUpStateChanged> history = new ArrayList<>();
        session.execute(changes.bind(followUpId)).forEach(row -> history.add(
                AvroBlobs.decode(() -> FollowUpStateChanged.fromByteBuffer(row.getByteBuffer("event")))));
        return history;
    }

    private boolean insert(FollowUpOpened opened, boolean isPublished) {
        return session.execute(claim.bind(opened.getFollowUpId(), AvroBlobs.encode(opened), FollowUpState.OPEN.name(),
                opened.getAssignee(), opened.getHeader().getOccurredAt(), isPublished)).wasApplied();
    }

    private static QueuedFollowUp toFollowUp(Row row) {
        FollowUpOpened opened = AvroBlobs.decode(() -> FollowUpOpened.fromByteBuffer(row.getByteBuffer("opened")));
        return new QueuedFollowUp(opened, FollowUpState.valueOf(row.getString("state")), row.getString("assignee"),
                row.getInt("sequence"), row.getInstant("updated_at"), row.getBoolean("published"));
    }
}
