package dev.faultline.injector.run;

import dev.faultline.kit.clearance.Clearances;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.PreflightPassed;
import dev.faultline.schemas.avro.RefusalReason;
import java.util.UUID;

/**
 * A clearance the injector will not run, and why: what InjectionRefused reports. Nothing was applied.
 *
 * @param hypothesis the cleared revision, or null when the injector does not know it
 * @param evidenceBatches the BEFORE batches already published for the injection (0 when refused at once)
 */
public record Refusal(String experimentId, EventHeader cause, UUID clearanceId, int revision, Environment environment,
                      Hypothesis hypothesis, RefusalReason reason, String detail, long evidenceBatches) {

    /** A clearance refused before any run began. */
    public static Refusal of(PreflightPassed passed, Hypothesis hypothesis, RefusalReason reason, String detail) {
        return new Refusal(passed.getHeader().getExperimentId(), passed.getHeader(), passed.getClearance().getClearanceId(),
                passed.getRevision(), passed.getClearance().getEnvironment(), hypothesis, reason, detail, 0);
    }

    /** A run that ended before its fault was applied. */
    public static Refusal of(RunRequest run, RefusalReason reason, String detail, long evidenceBatches) {
        return new Refusal(run.experimentId(), run.cause(), run.clearanceId(), run.revision(), run.environment(),
                run.hypothesis(), reason, detail, evidenceBatches);
    }

    public UUID injectionId() {
        return Clearances.injectionIdOf(clearanceId);
    }
}
