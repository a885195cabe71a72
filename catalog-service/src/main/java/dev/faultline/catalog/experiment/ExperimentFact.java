package dev.faultline.catalog.experiment;

/**
 * What one event tells about its experiment, every field optional (null = the event says nothing about it).
 * {@code status} is the status the event indicates.
 */
record ExperimentFact(ExperimentStatus status, String summary, String service, String faultType, String environment,
                      Integer revision, String stopReason, String verdict) {

    static ExperimentFact of(ExperimentStatus status, String summary) {
        return new ExperimentFact(status, summary, null, null, null, null, null, null);
    }

    ExperimentFact about(String service, String faultType, String environment) {
        return new ExperimentFact(status, summary, service, faultType, environment, revision, stopReason, verdict);
    }

    ExperimentFact revision(int revision) {
        return new ExperimentFact(status, summary, service, faultType, environment, revision, stopReason, verdict);
    }

    ExperimentFact stopReason(String reason) {
        return new ExperimentFact(status, summary, service, faultType, environment, revision, reason, verdict);
    }

    ExperimentFact verdict(String outcome) {
        return new ExperimentFact(status, summary, service, faultType, environment, revision, stopReason, outcome);
    }
}
