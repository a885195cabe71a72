package dev.faultline.analysis.evidence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.faultline.kit.cassandra.CreatesTables;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.avro.PreflightPassed;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** {@link EvidenceRecords} in the service's Cassandra keyspace; events are kept whole as Avro blobs. */
@Singleton
@CreatesTables
public class CassandraEvidenceRecords implements EvidenceRecords {

    /** All open injections live in one small partition, so the watchdog reads them with one query. */
    private static final int OPEN_BUCKET = 0;

    private final CqlSession session;
    private final PreparedStatement insertHypothesis;
    private final PreparedStatement selectHypothesis;
    private final PreparedStatement insertApproval;
    private final PreparedStatement selectApproval;
    private final PreparedStatement insertStarted;
    private final PreparedStatement insertStopped;
    private final PreparedStatement selectInjection;
    private final PreparedStatement selectInjections;
    private final PreparedStatement insertCleared;
    private final PreparedStatement selectCleared;
    private final PreparedStatement insertOpen;
    private final PreparedStatement deleteOpen;
    private final PreparedStatement selectOpen;
    private final PreparedStatement insertBatch;
    private final PreparedStatement selectBatches;
    private final PreparedStatement selectSequences;
    private final PreparedStatement selectSequence;
    private final PreparedStatement selectAllBatches;

    public CassandraEvidenceRecords(CqlSession session) {
        this.session = session;
        AnalysisTables.create(session);
        insertHypothesis = session.prepare("INSERT INTO hypotheses (experiment_id, revision, event) VALUES (?, ?, ?)");
        selectHypothesis = session.prepare("SELECT event FROM hypotheses WHERE experiment_id = ? AND revision = ?");
        insertApproval = session.prepare("INSERT INTO approvals (experiment_id, revision) VALUES (?, ?)");
        selectApproval = session.prepare("SELECT revision FROM approvals WHERE experiment_id = ?");
        insertStarted = session.prepare("UPDATE injections SET started = ? WHERE experiment_id = ? AND injection_id = ?");
        insertStopped = session.prepare("UPDATE injections SET stopped = ? WHERE experiment_id = ? AND injection_id = ?");
        selectInjection = session.prepare(
                "SELECT started, stopped FROM injections WHERE experiment_id = ? AND injection_id = ?");
        selectInjections = session.prepare("SELECT injection_id FROM injections WHERE experiment_id = ?");
        insertCleared = session.prepare("INSERT INTO clearances (experiment_id, injection_id, event) VALUES (?, ?, ?)");
        selectCleared = session.prepare("SELECT event FROM clearances WHERE experiment_id = ? AND injection_id = ?");
        insertOpen = session.prepare(
                "INSERT INTO open_injections (bucket, experiment_id, injection_id, deadline) VALUES (?, ?, ?, ?)");
        deleteOpen = session.prepare(
                "DELETE FROM open_injections WHERE bucket = ? AND experiment_id = ? AND injection_id = ?");
        selectOpen = session.prepare("SELECT experiment_id, injection_id, deadline FROM open_injections WHERE bucket = ?");
        insertBatch = session.prepare("INSERT INTO evidence_batches (experiment_id, injection_key, sequence, phase,"
                + " sample_count, event) VALUES (?, ?, ?, ?, ?, ?)");
        selectBatches = session.prepare(
                "SELECT event FROM evidence_batches WHERE experiment_id = ? AND injection_key IN (?, ?)");
        selectSequences = session.prepare(
                "SELECT sequence FROM evidence_batches WHERE experiment_id = ? AND injection_key IN (?, ?)");
        selectSequence = session.prepare("SELECT sequence FROM evidence_batches WHERE experiment_id = ?"
                + " AND injection_key IN (?, ?) AND sequence = ? LIMIT 1");
        selectAllBatches = session.prepare("SELECT event FROM evidence_batches WHERE experiment_id = ?");
    }

    @Override
    public void saveHypothesis(HypothesisDrafted drafted) {
        session.execute(insertHypothesis.bind(drafted.getHeader().getExperimentId(), drafted.getRevision(),
                AvroBlobs.encode(drafted)));
    }

    @Override
    public void saveApproval(PlanApproved approved) {
        session.execute(insertApproval.bind(approved.getHeader().getExperimentId(), approved.getRevision()));
    }

    @Override
    public void saveStarted(InjectionStarted started) {
        String experimentId = started.getHeader().getExperimentId();
        session.execute(insertStarted.bind(AvroBlobs.encode(started), experimentId, started.getInjectionId()));
        if (stopped(experimentId, started.getInjectionId()).isEmpty()) {
            session.execute(insertOpen.bind(OPEN_BUCKET, experimentId, started.getInjectionId(), started.getDeadline()));
        }
    }

    @Override
    public void saveStopped(InjectionStopped stopped, String experimentId) {
        // the injection stays open until its verdict is published (VerdictIssuer closes it): a stopped run with no
        // verdict is tried again by the watchdog rather than forgotten
        session.execute(insertStopped.bind(AvroBlobs.encode(stopped), experimentId, stopped.getInjectionId()));
    }

    @Override
    public void saveCleared(PreflightPassed passed, UUID injectionId, Instant startBy) {
        String experimentId = passed.getHeader().getExperimentId();
        session.execute(insertCleared.bind(experimentId, injectionId, AvroBlobs.encode(passed)));
        if (session.execute(selectInjection.bind(experimentId, injectionId)).one() == null) {
            session.execute(insertOpen.bind(OPEN_BUCKET, experimentId, injectionId, startBy));
        }
    }

    @Override
    public Optional<PreflightPassed> cleared(String experimentId, UUID injectionId) {
        Row row = session.execute(selectCleared.bind(experimentId, injectionId)).one();
        return row == null ? Optional.empty()
                : Optional.of(AvroBlobs.decode(() -> PreflightPassed.fromByteBuffer(row.getByteBuffer(0))));
    }

    /**
     * One unlogged batch statement per experiment (its partition) and at most {@link PartitionWrites#MAX_ROWS} rows
     * or about {@link PartitionWrites#MAX_BYTES} — a single mutation for Cassandra, atomic within the partition —
     * all sent at once and awaited together. The statements of a batch statement share one write timestamp, so of
     * several batches with the same key only the last is written: the one that one write after another would keep.
     */
    @Override
    public CompletionStage<Void> saveBatches(List<EvidenceCaptured> batches) {
        Map<String, EvidenceCaptured> lastByKey = new LinkedHashMap<>();
        batches.forEach(b -> lastByKey.put(b.getHeader().getExperimentId() + "/" + EvidenceRecords.keyOf(b), b));
        PartitionWrites writes = new PartitionWrites();
        for (EvidenceCaptured batch : lastByKey.values()) {
            String key = batch.getInjectionId() == null ? NO_INJECTION : batch.getInjectionId().toString();
            ByteBuffer event = AvroBlobs.encode(batch);
            writes.add(batch.getHeader().getExperimentId(), insertBatch.bind(batch.getHeader().getExperimentId(), key,
                    batch.getSequence(), batch.getPhase().name(), batch.getSamples().size(), event), event.remaining());
        }
        return writes.execute(session);
    }

    @Override
    public Optional<Hypothesis> hypothesis(String experimentId, int revision) {
        Row row = session.execute(selectHypothesis.bind(experimentId, revision)).one();
        return row == null ? Optional.empty()
                : Optional.of(AvroBlobs.decode(() -> HypothesisDrafted.fromByteBuffer(row.getByteBuffer(0))).getHypothesis());
    }

    @Override
    public Optional<Integer> approvedRevision(String experimentId) {
        Row row = session.execute(selectApproval.bind(experimentId)).one();
        return row == null ? Optional.empty() : Optional.of(row.getInt(0));
    }

    @Override
    public Optional<InjectionStarted> started(String experimentId, UUID injectionId) {
        Row row = session.execute(selectInjection.bind(experimentId, injectionId)).one();
        ByteBuffer blob = row == null ? null : row.getByteBuffer("started");
        return blob == null ? Optional.empty() : Optional.of(AvroBlobs.decode(() -> InjectionStarted.fromByteBuffer(blob)));
    }

    @Override
    public Optional<InjectionStopped> stopped(String experimentId, UUID injectionId) {
        Row row = session.execute(selectInjection.bind(experimentId, injectionId)).one();
        ByteBuffer blob = row == null ? null : row.getByteBuffer("stopped");
        return blob == null ? Optional.empty() : Optional.of(AvroBlobs.decode(() -> InjectionStopped.fromByteBuffer(blob)));
    }

    @Override
    public CompletionStage<Optional<InjectionStopped>> stoppedAsync(String experimentId, UUID injectionId) {
        return session.executeAsync(selectInjection.bind(experimentId, injectionId)).thenApply(rows -> {
            Row row = rows.one();
            ByteBuffer blob = row == null ? null : row.getByteBuffer("stopped");
            return blob == null ? Optional.empty()
                    : Optional.of(AvroBlobs.decode(() -> InjectionStopped.fromByteBuffer(blob)));
        });
    }

    @Override
    public List<UUID> injections(String experimentId) {
        List<UUID> ids = new ArrayList<>();
        session.execute(selectInjections.bind(experimentId)).forEach(row -> ids.add(row.getUuid(0)));
        return ids;
    }

    @Override
    public Set<Long> sequences(String experimentId, UUID injectionId) {
        Set<Long> sequences = new HashSet<>();
        session.execute(selectSequences.bind(experimentId, injectionId.toString(), NO_INJECTION))
                .forEach(row -> sequences.add(row.getLong(0)));
        return sequences;
    }

    @Override
    public CompletionStage<Boolean> hasBatch(String experimentId, UUID injectionId, long sequence) {
        return session.executeAsync(selectSequence.bind(experimentId, injectionId.toString(), NO_INJECTION, sequence))
                .thenApply(rows -> rows.one() != null);
    }

    @Override
    public List<EvidenceCaptured> evidence(String experimentId, UUID injectionId) {
        return batches(session.execute(selectBatches.bind(experimentId, injectionId.toString(), NO_INJECTION)));
    }

    @Override
    public List<EvidenceCaptured> evidence(String experimentId) {
        return batches(session.execute(selectAllBatches.bind(experimentId)));
    }

    @Override
    public List<OpenInjection> openInjections() {
        List<OpenInjection> open = new ArrayList<>();
        session.execute(selectOpen.bind(OPEN_BUCKET)).forEach(row ->
                open.add(new OpenInjection(row.getString(0), row.getUuid(1), row.getInstant(2))));
        return open;
    }

    @Override
    public void closeInjection(String experimentId, UUID injectionId) {
        session.execute(deleteOpen.bind(OPEN_BUCKET, experimentId, injectionId));
    }

    private static List<EvidenceCaptured> batches(Iterable<Row> rows) {
        List<EvidenceCaptured> batches = new ArrayList<>();
        rows.forEach(row -> batches.add(AvroBlobs.decode(() -> EvidenceCaptured.fromByteBuffer(row.getByteBuffer(0)))));
        return batches;
    }
}
