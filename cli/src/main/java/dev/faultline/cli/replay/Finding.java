package dev.faultline.cli.replay;

import java.util.UUID;

/**
 * Something the replay could not reproduce or verify — each one makes it exit 1.
 *
 * @param injectionId the injection concerned, or null
 * @param field       the verdict field that differs (a prediction's as {@code results[<id>].<field>}), or null
 * @param recorded    the recorded value, or null
 * @param recomputed  the recomputed value, or null
 */
record Finding(String experimentId, UUID injectionId, Kind kind, String field, String recorded, String recomputed,
               String message) {

    enum Kind {
        /** A recorded verdict differs from the one its recorded hypothesis and evidence give. */
        VERDICT_MISMATCH,
        /** A verdict whose inputs are not on the topics (its hypothesis revision, its injection's start). */
        VERDICT_UNCHECKABLE,
        /** A verdict judged evidence batches the topics do not hold. */
        EVIDENCE_MISSING,
        /** A clearance whose signature does not verify, or that no known key signed. */
        CLEARANCE_NOT_GENUINE,
        /** A fault started under a clearance that is not on the topics, or after it expired. */
        FAULT_NOT_CLEARED
    }

    static Finding of(String experimentId, UUID injectionId, Kind kind, String message) {
        return new Finding(experimentId, injectionId, kind, null, null, null, message);
    }
}
