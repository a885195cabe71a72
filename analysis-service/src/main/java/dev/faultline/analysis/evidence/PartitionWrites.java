package dev.faultline.analysis.evidence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Inserts grouped by partition: each group is sent as one unlogged batch statement, which Cassandra applies as a
 * single mutation of that partition (atomic and isolated within it, and much cheaper than one request a row), and
 * the groups are sent concurrently with the driver's asynchronous API. A group is cut at {@link #MAX_ROWS} rows or
 * {@link #MAX_BYTES} of values so that no mutation grows large (single-partition batches are exempt from Cassandra's
 * batch size thresholds, not from its mutation size limit).
 */
final class PartitionWrites {

    static final int MAX_ROWS = 100;
    static final int MAX_BYTES = 512 * 1024;

    private static final class Group {
        final List<BatchableStatement<?>> statements = new ArrayList<>();
        int bytes;
    }

    private final Map<Object, List<Group>> byPartition = new LinkedHashMap<>();

    /** Adds an insert into {@code partition}; {@code bytes} is about the size of its values. */
    void add(Object partition, BatchableStatement<?> insert, int bytes) {
        List<Group> groups = byPartition.computeIfAbsent(partition, p -> new ArrayList<>(List.of(new Group())));
        Group last = groups.get(groups.size() - 1);
        if (!last.statements.isEmpty() && (last.statements.size() >= MAX_ROWS || last.bytes + bytes > MAX_BYTES)) {
            last = new Group();
            groups.add(last);
        }
        last.statements.add(insert);
        last.bytes += bytes;
    }

    /** Sends every group at once; the stage completes when all are written, or fails with the first failure. */
    CompletionStage<Void> execute(CqlSession session) {
        CompletableFuture<?>[] written = byPartition.values().stream().flatMap(List::stream)
                .map(group -> session.executeAsync(group.statements.size() == 1 ? group.statements.get(0)
                        : BatchStatement.newInstance(DefaultBatchType.UNLOGGED, group.statements)).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(written);
    }
}
