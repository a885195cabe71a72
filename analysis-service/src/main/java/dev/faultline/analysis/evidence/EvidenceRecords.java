package dev.faultline.analysis.evidence;

import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.avro.PreflightPassed;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * The recorded events analysis judges: hypothesis revisions, approvals, injections and evidence batches. Every save
 * is an idempotent upsert keyed by the event's identity, so a redelivered event changes nothing.
 */
public interface EvidenceRecords {

    /** The key evidence without an injection id (steady-state samples taken before it started) is stored under. */
    String NO_INJECTION = "-";

    void saveHypothesis(HypothesisDrafted drafted);

    void saveApproval(PlanApproved approved);

    void saveStarted(InjectionStarted started);

    void saveStopped(InjectionStopped stopped, String experimentId);

    /**
     * Notes a clearance and the injection it names: unless that injection already has a start or a stop recorded, it
     * is open until {@code startBy}, so that the watchdog ends a clearance no injector took.
     */
    void saveCleared(PreflightPassed passed, UUID injectionId, Instant startBy);

    /** The clearance that named {@code injectionId}, if recorded. */
    Optional<PreflightPassed> cleared(String experimentId, UUID injectionId);

    /**
     * Stores evidence batches without waiting for the store: the stage completes once all of them are stored (and
     * fails if any could not be). A store may write one experiment's batches together and different experiments'
     * concurrently; of batches with the same key ({@link #keyOf}) the last one is kept, as when saved one by one.
     */
    CompletionStage<Void> saveBatches(List<EvidenceCaptured> batches);

    Optional<Hypothesis> hypothesis(String experimentId, int revision);

    Optional<Integer> approvedRevision(String experimentId);

    Optional<InjectionStarted> started(String experimentId, UUID injectionId);

    Optional<InjectionStopped> stopped(String experimentId, UUID injectionId);

    /** The injections of an experiment that have at least a start or a stop recorded. */
    List<UUID> injections(String experimentId);

    /** The sequence numbers of {@link #evidence(String, UUID)}'s batches, without reading the batches themselves. */
    Set<Long> sequences(String experimentId, UUID injectionId);

    /**
     * Whether {@link #evidence(String, UUID)} has a batch numbered {@code sequence}: one row looked up, without
     * waiting for the store (so that the checks of many injections overlap).
     */
    CompletionStage<Boolean> hasBatch(String experimentId, UUID injectionId, long sequence);

    /** {@link #stopped} without waiting for the store. */
    CompletionStage<Optional<InjectionStopped>> stoppedAsync(String experimentId, UUID injectionId);

    /** The batches of an injection, with the experiment's batches that carry no injection id. */
    List<EvidenceCaptured> evidence(String experimentId, UUID injectionId);

    /** Every batch of an experiment, whatever its injection. */
    List<EvidenceCaptured> evidence(String experimentId);

    /**
     * Injections with no verdict published yet, for the lost-injector watchdog: cleared ones (due to start by a time),
     * started ones (due to stop by their deadline) and stopped ones still waiting for their verdict — the watchdog
     * judges the first two lost once overdue, and tries the third's own verdict again.
     */
    List<OpenInjection> openInjections();

    void closeInjection(String experimentId, UUID injectionId);

    /** An injection still running, or still to start, as far as the records tell. */
    record OpenInjection(String experimentId, UUID injectionId, Instant deadline) {
    }

    /** The storage key of a batch: its injection id, or {@link #NO_INJECTION}. */
    static String keyOf(EvidenceCaptured batch) {
        return (batch.getInjectionId() == null ? NO_INJECTION : batch.getInjectionId().toString()) + "#"
                + batch.getSequence();
    }
}
