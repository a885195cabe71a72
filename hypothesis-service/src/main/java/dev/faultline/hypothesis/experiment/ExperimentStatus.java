package dev.faultline.hypothesis.experiment;

/** Where an experiment stands in hypothesis-service: under review, rejected, or approved as a plan. */
public enum ExperimentStatus {
    DRAFTED,
    REJECTED,
    APPROVED
}
