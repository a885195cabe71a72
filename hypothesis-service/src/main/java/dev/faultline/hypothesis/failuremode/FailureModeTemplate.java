package dev.faultline.hypothesis.failuremode;

import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.Hypothesis;

/** A failure mode for one service type: drafts a full hypothesis (probes, predictions, blast radius, guardrails). */
public interface FailureModeTemplate {

    String id();

    FaultType faultType();

    String serviceType();

    /** Whether the failure mode is about a dependency of the service (then the proposal must name one). */
    boolean needsDependency();

    TemplateInfo info();

    Hypothesis draft(DraftContext context);
}
