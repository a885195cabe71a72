package dev.faultline.injector.run;

import dev.faultline.injector.fault.Fault;
import dev.faultline.kit.clearance.Clearances;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.Hypothesis;
import java.util.UUID;

/**
 * A cleared injection, ready to run: the experiment and approved revision, the clearance it runs under, the
 * hypothesis (fault, probes, guardrails), the fault planned in its place, and the event that caused it.
 */
public record RunRequest(String experimentId, int revision, UUID injectionId, UUID clearanceId, Environment environment,
                         Hypothesis hypothesis, Fault fault, EventHeader cause) {

    /** The lease holder of this injection's faults (on the data plane, on agents). */
    public String holder() {
        return holderOf(injectionId);
    }

    public static String holderOf(UUID injectionId) {
        return "injector:" + injectionId;
    }

    /** The one injection a clearance can run ({@link Clearances#injectionIdOf}). */
    public static UUID injectionIdOf(UUID clearanceId) {
        return Clearances.injectionIdOf(clearanceId);
    }
}
