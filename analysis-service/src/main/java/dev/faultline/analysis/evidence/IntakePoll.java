package dev.faultline.analysis.evidence;

import dev.faultline.analysis.verdict.InjectionRef;
import dev.faultline.analysis.verdict.VerdictIssuer;
import dev.faultline.kit.clearance.Clearances;
import dev.faultline.kit.events.BatchEventHandler;
import dev.faultline.kit.events.IncomingEvent;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.InjectionRefused;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.avro.PreflightPassed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One poll of the intake. The rare hypotheses, approvals, clearances and injection events are recorded as they are
 * started (a clearance opens its injection until it must have started: the watchdog ends it if no injector took it); the
 * evidence batches are gathered and written together when the poll is flushed ({@link EvidenceRecords#saveBatches}:
 * one request per experiment, all at once); and the injections the events concern are noted. Once every record of
 * the poll is stored, {@link #finish} tries the verdict of each noted injection once ({@link VerdictIssuer#tryIssueAll}):
 * a poll of a hundred batches of one injection checks it once, and the checks of a poll's injections overlap. A poll
 * of one event does what handling that event alone always did: record it, then try its injection's verdict. A refusal
 * (InjectionRefused) is judged ABORTED at the end of its poll, whatever else the poll held.
 */
public final class IntakePoll implements BatchEventHandler.Poll {

    private static final CompletionStage<Void> RECORDED = CompletableFuture.completedFuture(null);

    private final EvidenceRecords records;
    private final VerdictIssuer issuer;
    private final Duration startWithin;
    private final List<InjectionRefused> refusals = new ArrayList<>();
    private final List<EvidenceCaptured> evidence = new ArrayList<>();
    /** Completes when every evidence batch of the poll is stored: the stage of each of them. */
    private final CompletableFuture<Void> evidenceWritten = new CompletableFuture<>();
    private final Set<InjectionRef> concerned = new LinkedHashSet<>();
    /** Experiments whose every injection is concerned: a new hypothesis revision, or evidence with no injection id. */
    private final Set<String> experiments = new LinkedHashSet<>();

    IntakePoll(EvidenceRecords records, VerdictIssuer issuer, Duration startWithin) {
        this.records = records;
        this.issuer = issuer;
        this.startWithin = startWithin;
    }

    @Override
    public CompletionStage<Void> start(IncomingEvent event) {
        String experimentId = event.experimentId();
        Object value = event.value();
        if (value instanceof EvidenceCaptured batch) {
            concern(experimentId, batch.getInjectionId());
            evidence.add(batch);
            return evidenceWritten;
        }
        if (value instanceof HypothesisDrafted drafted) {
            records.saveHypothesis(drafted);
            experiments.add(experimentId);
        } else if (value instanceof PlanApproved approved) {
            records.saveApproval(approved);
        } else if (value instanceof InjectionStarted started) {
            records.saveStarted(started);
            concern(experimentId, started.getInjectionId());
        } else if (value instanceof InjectionStopped stopped) {
            records.saveStopped(stopped, experimentId);
            concern(experimentId, stopped.getInjectionId());
        } else if (value instanceof InjectionRefused refused) {
            refusals.add(refused);
        } else if (value instanceof PreflightPassed passed) {
            records.saveCleared(passed, Clearances.injectionIdOf(passed.getClearance().getClearanceId()),
                    passed.getClearance().getIssuedAt().plus(startWithin));
        }
        // other events on these topics (reviews, rejections) say nothing analysis judges
        return RECORDED;
    }

    /** Writes the poll's evidence batches, one request per experiment (see {@link EvidenceRecords#saveBatches}). */
    @Override
    public void flush() {
        if (evidence.isEmpty()) {
            return;
        }
        CompletionStage<Void> written;
        try {
            written = records.saveBatches(List.copyOf(evidence));
        } catch (RuntimeException e) {
            written = CompletableFuture.failedFuture(e);
        }
        written.whenComplete((done, error) -> {
            if (error == null) {
                evidenceWritten.complete(null);
            } else {
                evidenceWritten.completeExceptionally(error);
            }
        });
    }

    @Override
    public void finish() {
        experiments.forEach(experimentId -> records.injections(experimentId)
                .forEach(injectionId -> concerned.add(new InjectionRef(experimentId, injectionId))));
        issuer.tryIssueAll(concerned);
        refusals.forEach(issuer::issueRefused);
    }

    private void concern(String experimentId, UUID injectionId) {
        if (injectionId == null) {
            experiments.add(experimentId);
        } else {
            concerned.add(new InjectionRef(experimentId, injectionId));
        }
    }
}
