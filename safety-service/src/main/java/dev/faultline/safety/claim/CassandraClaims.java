package dev.faultline.safety.claim;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.faultline.kit.cassandra.CreatesTables;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Claims in the table {@code claims}, changed with lightweight transactions ({@code UPDATE … IF holder = ?}). Every
 * write is an UPDATE with a TTL on all its columns, so a claim that lapses leaves no row behind (an INSERT's row
 * marker could outlive the columns and read as a claim with no holder), and {@code IF holder = null} takes a name
 * that is free whether its row is missing or lapsed. Reads are serial, so they see every applied swap. A scope is a
 * partition ({@code service/PRODUCTION}: the services claimed in production), so {@link #within} reads one partition.
 */
@Singleton
@CreatesTables
public class CassandraClaims implements Claims {

    private final CqlSession session;
    private final PreparedStatement select;
    private final PreparedStatement selectScope;
    private final PreparedStatement swap;
    private final PreparedStatement release;

    public CassandraClaims(CqlSession session) {
        this.session = session;
        session.execute("CREATE TABLE IF NOT EXISTS claims (scope text, name text, holder text, claimed_at timestamp,"
                + " until timestamp, PRIMARY KEY ((scope), name))");
        this.select = session.prepare("SELECT name, holder, claimed_at, until FROM claims WHERE scope = ? AND name = ?");
        this.selectScope = session.prepare("SELECT name, holder, claimed_at, until FROM claims WHERE scope = ?");
        this.swap = session.prepare("UPDATE claims USING TTL ? SET holder = ?, claimed_at = ?, until = ?"
                + " WHERE scope = ? AND name = ? IF holder = ?");
        this.release = session.prepare("DELETE FROM claims WHERE scope = ? AND name = ? IF holder = ?");
    }

    @Override
    public Optional<Claim> read(String name) {
        Row row = session.execute(select.bind(Claims.scopeOf(name), name)
                .setConsistencyLevel(DefaultConsistencyLevel.LOCAL_SERIAL)).one();
        return Optional.ofNullable(row).flatMap(CassandraClaims::claim);
    }

    @Override
    public List<Claim> within(String scope) {
        return session.execute(selectScope.bind(scope).setConsistencyLevel(DefaultConsistencyLevel.LOCAL_SERIAL)).all()
                .stream().map(CassandraClaims::claim).flatMap(Optional::stream).toList();
    }

    @Override
    public boolean swap(String name, String expected, Claim next, Instant keepUntil) {
        // Cassandra's TTL counts from the write (a claim written back with its first claimedAt is kept until the same end)
        // in whole seconds from the write's second: the time left rounded up, and one more for the part of the
        // write's second already gone — rounded down, a 1 s claim written late in a second lapsed at once
        Duration left = Duration.between(Instant.now(), keepUntil);
        long seconds = left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0);
        int ttl = (int) Math.max(1, seconds + 1);
        return session.execute(swap.bind(ttl, next.holder(), next.claimedAt(), next.until(), Claims.scopeOf(name), name, expected))
                .wasApplied();
    }

    @Override
    public boolean release(String name, String holder) {
        return session.execute(release.bind(Claims.scopeOf(name), name, holder)).wasApplied();
    }

    private static Optional<Claim> claim(Row row) {
        String holder = row.getString("holder");
        return holder == null ? Optional.empty() : Optional.of(new Claim(row.getString("name"), holder,
                row.getInstant("claimed_at"), row.getInstant("until")));
    }
}
