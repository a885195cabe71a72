package dev.faultline.analysis.followup;

import com.datastax.oss.driver.api.core.CqlSession;
import java.util.List;

/** The follow-up queue's tables in the analysis keyspace, created at start when missing; replaying faultline.followups and faultline.targets rebuilds them. */
final class FollowUpTables {

    private static final List<String> STATEMENTS = List.of(
            "CREATE TABLE IF NOT EXISTS follow_ups (follow_up_id uuid PRIMARY KEY, opened blob, state text,"
                    + " assignee text, sequence int, updated_at timestamp, published boolean)",
            "CREATE TABLE IF NOT EXISTS follow_up_changes (follow_up_id uuid, sequence int, event blob,"
                    + " PRIMARY KEY (follow_up_id, sequence))",
            "CREATE TABLE IF NOT EXISTS target_owners (service text, environment text, owners list<text>,"
                    + " removed boolean, PRIMARY KEY (service, environment))");

    private FollowUpTables() {
    }

    static synchronized void create(CqlSession session) {
        STATEMENTS.forEach(session::execute);
    }
}
