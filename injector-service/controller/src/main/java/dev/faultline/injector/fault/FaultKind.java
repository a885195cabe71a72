package dev.faultline.injector.fault;

import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.FaultType;
import java.util.Set;

/**
 * One family of faults the injector can apply: which fault types it covers and how a FaultSpec of one becomes a
 * {@link Fault} in its place. A new family is one class implementing this plus one line in {@link FaultKinds}.
 */
public interface FaultKind {

    Set<FaultType> types();

    /** The fault for {@code spec}; throws {@link UnsupportedFaultException} saying why it cannot be applied. */
    Fault plan(FaultSpec spec, FaultContext context);
}
