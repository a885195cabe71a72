package dev.faultline.analysis.followup;

import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.TargetDeclared;
import java.util.List;

/** The owners of each declared target, the latest declaration per environment and service (faultline.targets). */
public interface TargetOwners {

    void declare(TargetDeclared declared);

    /** The owners of {@code service} in {@code environment}, first the one follow-ups are assigned to; empty when undeclared or removed. */
    List<String> owners(Environment environment, String service);
}
