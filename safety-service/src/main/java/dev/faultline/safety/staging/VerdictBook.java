package dev.faultline.safety.staging;

import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultType;
import java.util.List;

/** Port: the verdicts issued so far, per environment, service and fault type; written only from VerdictIssued. */
public interface VerdictBook {

    /** Upserts one verdict (one row per experiment and time it was issued). */
    void save(StagingVerdict verdict);

    /** Every verdict on {@code service} under {@code faultType} in {@code environment}, newest first. */
    List<StagingVerdict> verdicts(Environment environment, String service, FaultType faultType);
}
