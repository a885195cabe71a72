package dev.faultline.catalog.experiment;

/**
 * Where an experiment stands, derived from its events. Each status belongs to a stage of the workflow; an event
 * from an earlier stage that arrives late never moves an experiment back.
 */
public enum ExperimentStatus {
    PROPOSED(0),
    DRAFTED(1),
    REJECTED(1),
    IN_REVIEW(1),
    APPROVED(2),
    /** Deferred: approved, waiting for its window's start, when its preflight runs. */
    SCHEDULED(2),
    BLOCKED(2),
    CLEARED(3),
    INJECTING(4),
    STOPPED(5),
    COMPLETED(6),
    ABORTED(6);

    private final int stage;

    ExperimentStatus(int stage) {
        this.stage = stage;
    }

    /** The status after an event that indicates {@code next}: unchanged when that event belongs to an earlier stage. */
    public ExperimentStatus then(ExperimentStatus next) {
        return next == null || next.stage < stage ? this : next;
    }
}
