package dev.faultline.safety.claim;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Claims in the table {@code claims}, changed with lightweight transactions ({@code UPDATE … IF holder = ?}). Every
 * write is an UPDATE with a TTL on all its columns, so a claim that lapses leaves no row behind (an INSERT's row
 * marker could outlive the columns and read as a claim with no holder), and {@code IF holder = null} takes a name
 * that is free whether its row is missing or lapsed. Reads are serial, so they see every applied swap.
 */
@Singleton
public class CassandraClaims implements Claims {

    private final CqlSession session;
    private final PreparedStatement select;
    private final PreparedStatement swap;

    public CassandraClaims(CqlSession session) {
        this.session = session;
        session.execute("CREATE TABLE IF NOT EXISTS claims (name text PRIMARY KEY, holder text, claimed_at timestamp,"
                + " until timestamp)");
        this.select = session.prepare("SELECT holder, claimed_at, until FROM claims WHERE name = ?");
        this.swap = session.prepare("UPDATE claims USING TTL ? SET holder = ?, claimed_at = ?, until = ? WHERE name = ?"
                + " IF holder = ?");
    }

    @Override
    public Optional<Claim> read(String name) {
        Row row = session.execute(select.bind(name).setConsistencyLevel(DefaultConsistencyLevel.LOCAL_SERIAL)).one();
        if (row == null || row.getString("holder") == null) {
            return Optional.empty();
        }
        return Optional.of(new Claim(name, row.getString("holder"), row.getInstant("claimed_at"), row.getInstant("until")));
    }

    @Override
    public boolean swap(String name, String expected, Claim next, Instant keepUntil) {
        int ttl = (int) Math.max(1, Duration.between(next.claimedAt(), keepUntil).toSeconds() + 1);
        return session.execute(swap.bind(ttl, next.holder(), next.claimedAt(), next.until(), name, expected)).wasApplied();
    }
}
