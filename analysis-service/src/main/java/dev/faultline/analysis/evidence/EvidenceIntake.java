package dev.faultline.analysis.evidence;

import dev.faultline.analysis.verdict.VerdictIssuer;
import dev.faultline.kit.events.EventHandler;
import dev.faultline.kit.events.IncomingEvent;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.PlanApproved;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * The event loop's handler: records hypotheses, approvals, injections and evidence (idempotent upserts), then asks
 * for a verdict of the injection concerned, which is issued once everything it needs has arrived, in any order.
 */
@Singleton
public class EvidenceIntake implements EventHandler {

    private final EvidenceRecords records;
    private final VerdictIssuer issuer;

    public EvidenceIntake(EvidenceRecords records, VerdictIssuer issuer) {
        this.records = records;
        this.issuer = issuer;
    }

    @Override
    public void handle(IncomingEvent event) {
        String experimentId = event.experimentId();
        Object value = event.value();
        if (value instanceof HypothesisDrafted drafted) {
            records.saveHypothesis(drafted);
            records.injections(experimentId).forEach(id -> issuer.tryIssue(experimentId, id));
        } else if (value instanceof PlanApproved approved) {
            records.saveApproval(approved);
        } else if (value instanceof InjectionStarted started) {
            records.saveStarted(started);
            issuer.tryIssue(experimentId, started.getInjectionId());
        } else if (value instanceof InjectionStopped stopped) {
            records.saveStopped(stopped, experimentId);
            issuer.tryIssue(experimentId, stopped.getInjectionId());
        } else if (value instanceof EvidenceCaptured batch) {
            records.saveBatch(batch);
            UUID injectionId = batch.getInjectionId();
            if (injectionId != null) {
                issuer.tryIssue(experimentId, injectionId);
            } else {
                records.injections(experimentId).forEach(id -> issuer.tryIssue(experimentId, id));
            }
        }
        // other events on these topics (reviews, rejections) say nothing analysis judges
    }
}
