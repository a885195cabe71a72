package dev.faultline.analysis.verdict;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.faultline.analysis.evidence.AnalysisTables;
import dev.faultline.analysis.evidence.AvroBlobs;
import dev.faultline.kit.cassandra.CreatesTables;
import dev.faultline.schemas.avro.VerdictIssued;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** {@link VerdictRecords} in Cassandra; lightweight transactions make the claim of an injection's verdict atomic. */
@Singleton
@CreatesTables
public class CassandraVerdictRecords implements VerdictRecords {

    private static final String COLUMNS = "event, evidence_keys, published, report";

    private final CqlSession session;
    private final PreparedStatement select;
    private final PreparedStatement selectAll;
    private final PreparedStatement selectPublished;
    private final PreparedStatement claim;
    private final PreparedStatement published;
    private final PreparedStatement report;

    public CassandraVerdictRecords(CqlSession session) {
        this.session = session;
        AnalysisTables.create(session);
        select = session.prepare("SELECT " + COLUMNS + " FROM verdicts WHERE experiment_id = ? AND injection_id = ?");
        selectPublished = session.prepare("SELECT published FROM verdicts WHERE experiment_id = ? AND injection_id = ?");
        selectAll = session.prepare("SELECT " + COLUMNS + " FROM verdicts WHERE experiment_id = ?");
        claim = session.prepare("INSERT INTO verdicts (experiment_id, injection_id, issued_at, " + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?) IF NOT EXISTS");
        published = session.prepare(
                "UPDATE verdicts SET published = true WHERE experiment_id = ? AND injection_id = ? IF EXISTS");
        report = session.prepare("UPDATE verdicts SET report = ? WHERE experiment_id = ? AND injection_id = ? IF EXISTS");
    }

    @Override
    public Optional<IssuedVerdict> find(String experimentId, UUID injectionId) {
        return Optional.ofNullable(session.execute(select.bind(experimentId, injectionId)).one()).map(this::toVerdict);
    }

    @Override
    public CompletionStage<Claim> claimOf(String experimentId, UUID injectionId) {
        return session.executeAsync(selectPublished.bind(experimentId, injectionId)).thenApply(rows -> {
            Row row = rows.one();
            return row == null ? Claim.NONE : row.getBoolean(0) ? Claim.PUBLISHED : Claim.UNPUBLISHED;
        });
    }

    @Override
    public Optional<IssuedVerdict> latest(String experimentId) {
        List<IssuedVerdict> all = new ArrayList<>();
        session.execute(selectAll.bind(experimentId)).forEach(row -> all.add(toVerdict(row)));
        return all.stream().max(Comparator.comparing((IssuedVerdict v) -> v.event().getHeader().getOccurredAt())
                .thenComparing(v -> String.valueOf(v.injectionId())));
    }

    @Override
    public boolean claim(IssuedVerdict verdict) {
        VerdictIssued event = verdict.event();
        return session.execute(claim.bind(verdict.experimentId(), verdict.injectionId(),
                event.getHeader().getOccurredAt(), AvroBlobs.encode(event), verdict.evidenceKeys(), verdict.published(),
                verdict.report())).wasApplied();
    }

    @Override
    public void markPublished(String experimentId, UUID injectionId) {
        session.execute(published.bind(experimentId, injectionId));
    }

    @Override
    public void saveKnown(VerdictIssued issued) {
        claim(new IssuedVerdict(issued, Set.of(), true, null));
    }

    @Override
    public void saveReport(String experimentId, UUID injectionId, String markdown) {
        session.execute(report.bind(markdown, experimentId, injectionId));
    }

    private IssuedVerdict toVerdict(Row row) {
        VerdictIssued event = AvroBlobs.decode(() -> VerdictIssued.fromByteBuffer(row.getByteBuffer("event")));
        Set<String> keys = row.getSet("evidence_keys", String.class);
        return new IssuedVerdict(event, keys == null ? Set.of() : keys, row.getBoolean("published"),
                row.getString("report"));
    }
}
