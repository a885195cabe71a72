package dev.faultline.safety.preflight;

import java.util.Optional;
import org.apache.avro.specific.SpecificRecordBase;

/** Port: every preflight result published, each with the event it was published as. */
public interface PreflightResults {

    /** Upserts the result of {@code event} (a PreflightPassed or PreflightBlocked). */
    void save(PreflightRecord record, SpecificRecordBase event);

    Optional<PreflightRecord> latest(String experimentId);

    /** The passing result of {@code revision}, if that revision was already cleared. */
    Optional<PreflightRecord> clearedRevision(String experimentId, int revision);
}
