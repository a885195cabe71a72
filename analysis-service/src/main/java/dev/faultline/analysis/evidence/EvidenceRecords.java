package dev.faultline.analysis.evidence;

import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.PlanApproved;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

    void saveBatch(EvidenceCaptured batch);

    Optional<Hypothesis> hypothesis(String experimentId, int revision);

    Optional<Integer> approvedRevision(String experimentId);

    Optional<InjectionStarted> started(String experimentId, UUID injectionId);

    Optional<InjectionStopped> stopped(String experimentId, UUID injectionId);

    /** The injections of an experiment that have at least a start or a stop recorded. */
    List<UUID> injections(String experimentId);

    /** The batches of an injection, with the experiment's batches that carry no injection id. */
    List<EvidenceCaptured> evidence(String experimentId, UUID injectionId);

    /** Every batch of an experiment, whatever its injection. */
    List<EvidenceCaptured> evidence(String experimentId);

    /** Started injections with no stop and no verdict yet, for the lost-injector watchdog. */
    List<OpenInjection> openInjections();

    void closeInjection(String experimentId, UUID injectionId);

    /** An injection still running as far as the records tell. */
    record OpenInjection(String experimentId, UUID injectionId, Instant deadline) {
    }

    /** The storage key of a batch: its injection id, or {@link #NO_INJECTION}. */
    static String keyOf(EvidenceCaptured batch) {
        return (batch.getInjectionId() == null ? NO_INJECTION : batch.getInjectionId().toString()) + "#"
                + batch.getSequence();
    }
}
