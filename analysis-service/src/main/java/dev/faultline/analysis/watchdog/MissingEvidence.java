package dev.faultline.analysis.watchdog;

import java.util.UUID;

/** Looks again for the evidence batches a stopped injection's stop announced and the store lacks. */
@FunctionalInterface
public interface MissingEvidence {

    /** Looks nowhere (tests of the watchdog's rule). */
    MissingEvidence NONE = (experimentId, injectionId) -> 0;

    /** Stores the announced batches found that the store lacked; returns how many. */
    int restore(String experimentId, UUID injectionId);
}
