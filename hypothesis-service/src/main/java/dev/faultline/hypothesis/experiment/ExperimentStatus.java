package dev.faultline.hypothesis.experiment;

/**
 * Where an experiment stands in hypothesis-service: proposed and not answered yet, under review, rejected, or
 * approved as a plan.
 */
public enum ExperimentStatus {
    PROPOSED,
    DRAFTED,
    REJECTED,
    APPROVED
}
