package dev.faultline.analysis.evidence;

import dev.faultline.analysis.verdict.VerdictIssuer;
import dev.faultline.kit.events.BatchEventHandler;
import dev.faultline.analysis.AnalysisSettings;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The event loop's handler, a poll at a time ({@link IntakePoll}): records hypotheses, approvals, clearances,
 * injections and evidence (idempotent upserts; a poll's evidence batches written together, one request per experiment), then asks
 * once per poll for the verdict of each injection the poll concerned, which is issued once everything it needs has
 * arrived, in any order.
 */
@Singleton
public class EvidenceIntake implements BatchEventHandler {

    private static final Duration DEFAULT_START_WITHIN = Duration.ofSeconds(90);

    private final EvidenceRecords records;
    private final VerdictIssuer issuer;
    private final Duration startWithin;

    @Inject
    public EvidenceIntake(EvidenceRecords records, VerdictIssuer issuer, AnalysisSettings settings) {
        this(records, issuer, settings.startWithin());
    }

    public EvidenceIntake(EvidenceRecords records, VerdictIssuer issuer) {
        this(records, issuer, DEFAULT_START_WITHIN);
    }

    public EvidenceIntake(EvidenceRecords records, VerdictIssuer issuer, Duration startWithin) {
        this.records = records;
        this.issuer = issuer;
        this.startWithin = startWithin;
    }

    @Override
    public IntakePoll poll() {
        return new IntakePoll(records, issuer, startWithin);
    }
}
