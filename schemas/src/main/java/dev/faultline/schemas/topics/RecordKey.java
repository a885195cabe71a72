package dev.faultline.schemas.topics;

/** What the (string) record key of a topic is. Keys are plain UTF-8 strings (Kafka's StringSerializer). */
public enum RecordKey {
    /** The experiment id: all of one experiment's events are ordered on one partition. */
    EXPERIMENT_ID,
    /** {@code service|faultType} of a known-behaviour entry. */
    BEHAVIOUR_KEY,
    /** The id of a calendar entry in the tool that published it. */
    CALENDAR_ENTRY_ID,
    /** The id of an incident in the incident tool. */
    INCIDENT_ID,
    /** The experiment id for a halt of one experiment, {@code env:<ENVIRONMENT>} or {@code *} for wider halts. */
    HALT_TARGET,
    /** The failed record's own key, unchanged (empty if it had none). */
    SOURCE_KEY,
    /** {@code ENVIRONMENT/service} of a declared target. */
    TARGET,
    /** The id of a failure-mode template. */
    TEMPLATE_ID
}
