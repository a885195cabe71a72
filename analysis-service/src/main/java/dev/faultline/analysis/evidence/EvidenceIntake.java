package dev.faultline.analysis.evidence;

import dev.faultline.analysis.verdict.VerdictIssuer;
import dev.faultline.kit.events.BatchEventHandler;
import jakarta.inject.Singleton;

/**
 * The event loop's handler, a poll at a time ({@link IntakePoll}): records hypotheses, approvals, injections and
 * evidence (idempotent upserts; a poll's evidence batches written together, one request per experiment), then asks
 * once per poll for the verdict of each injection the poll concerned, which is issued once everything it needs has
 * arrived, in any order.
 */
@Singleton
public class EvidenceIntake implements BatchEventHandler {

    private final EvidenceRecords records;
    private final VerdictIssuer issuer;

    public EvidenceIntake(EvidenceRecords records, VerdictIssuer issuer) {
        this.records = records;
        this.issuer = issuer;
    }

    @Override
    public IntakePoll poll() {
        return new IntakePoll(records, issuer);
    }
}
