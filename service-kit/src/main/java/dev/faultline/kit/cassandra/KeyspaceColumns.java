package dev.faultline.kit.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;

/**
 * What the keyspace holds, read from {@code system_schema} itself rather than from the driver's schema metadata, which a
 * service's session only loads once its tables are created ({@link CassandraFactory}).
 */
public final class KeyspaceColumns {

    private KeyspaceColumns() {
    }

    /** Whether {@code table} of the session's keyspace exists and has {@code column} (names as created, unquoted). */
    public static boolean has(CqlSession session, String table, String column) {
        String keyspace = session.getKeyspace().orElseThrow(
                () -> new IllegalStateException("the session is bound to no keyspace")).asInternal();
        return session.execute(SimpleStatement.newInstance("SELECT column_name FROM system_schema.columns"
                + " WHERE keyspace_name = ? AND table_name = ? AND column_name = ?", keyspace, table, column)).one() != null;
    }
}
