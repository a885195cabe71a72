package dev.faultline.schemas.topics;

import dev.faultline.schemas.avro.ApprovalRecorded;
import dev.faultline.schemas.avro.CalendarEntryPublished;
import dev.faultline.schemas.avro.DeadLetter;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.ExperimentProposed;
import dev.faultline.schemas.avro.ExperimentScheduled;
import dev.faultline.schemas.avro.FailureModeDeclared;
import dev.faultline.schemas.avro.FollowUpOpened;
import dev.faultline.schemas.avro.FollowUpStateChanged;
import dev.faultline.schemas.avro.HaltLifted;
import dev.faultline.schemas.avro.HaltRequested;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.HypothesisRejected;
import dev.faultline.schemas.avro.IncidentRecorded;
import dev.faultline.schemas.avro.InjectionRefused;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.KnownBehaviourUpdated;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.avro.PlanReviewed;
import dev.faultline.schemas.avro.PreflightBlocked;
import dev.faultline.schemas.avro.PreflightPassed;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.avro.VerdictIssued;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * The catalogue of Faultline's topics: the only place topic names are spelled. Experiment topics share one
 * partition count so that Kafka Streams can join them by experiment id without repartitioning.
 */
public final class Topics {

    /** The topic names as compile-time constants, for annotations such as Micronaut's {@code @Topic(Topics.Names.VERDICTS)}. */
    public static final class Names {
        public static final String PROPOSALS = "faultline.proposals";
        public static final String HYPOTHESES = "faultline.hypotheses";
        public static final String SAFETY = "faultline.safety";
        public static final String INJECTIONS = "faultline.injections";
        public static final String EVIDENCE = "faultline.evidence";
        public static final String VERDICTS = "faultline.verdicts";
        public static final String CATALOG = "faultline.catalog";
        public static final String CONTROL = "faultline.control";
        public static final String CALENDAR = "faultline.calendar";
        public static final String INCIDENTS = "faultline.incidents";
        public static final String DEAD_LETTERS = "faultline.dlq";
        public static final String TARGETS = "faultline.targets";
        public static final String FAILURE_MODES = "faultline.failure-modes";
        public static final String FOLLOWUPS = "faultline.followups";

        private Names() {
        }
    }

    /** Partitions of every topic keyed by experiment id (co-partitioned). */
    public static final int EXPERIMENT_PARTITIONS = 6;

    public static final Topic PROPOSALS = experimentLog(Names.PROPOSALS,
            "any tool, the faultline CLI, hypothesis-service's HTTP API", List.of(ExperimentProposed.class));
    public static final Topic HYPOTHESES = experimentLog(Names.HYPOTHESES, "hypothesis-service",
            List.of(HypothesisDrafted.class, HypothesisRejected.class, PlanReviewed.class, PlanApproved.class));
    public static final Topic SAFETY = experimentLog(Names.SAFETY, "safety-service",
            List.of(ApprovalRecorded.class, ExperimentScheduled.class, PreflightPassed.class, PreflightBlocked.class));
    public static final Topic INJECTIONS = experimentLog(Names.INJECTIONS, "injector-service",
            List.of(InjectionStarted.class, InjectionStopped.class, InjectionRefused.class));
    public static final Topic EVIDENCE = experimentLog(Names.EVIDENCE, "injector-service",
            List.of(EvidenceCaptured.class));
    public static final Topic VERDICTS = experimentLog(Names.VERDICTS, "analysis-service",
            List.of(VerdictIssued.class));
    /** The follow-up queue: each verdict's follow-ups opened, then triaged through analysis-service's API. */
    public static final Topic FOLLOWUPS = experimentLog(Names.FOLLOWUPS, "analysis-service (its triage API)",
            List.of(FollowUpOpened.class, FollowUpStateChanged.class));
    public static final Topic CATALOG = new Topic(Names.CATALOG, "catalog-service (Kafka Streams)",
            RecordKey.BEHAVIOUR_KEY, List.of(KnownBehaviourUpdated.class),
            TopicDefinition.table(Names.CATALOG, EXPERIMENT_PARTITIONS));
    /** One partition, so that halts and lifts are totally ordered. */
    public static final Topic CONTROL = new Topic(Names.CONTROL, "safety-service (operators' API)",
            RecordKey.HALT_TARGET, List.of(HaltRequested.class, HaltLifted.class), TopicDefinition.log(Names.CONTROL, 1));
    public static final Topic CALENDAR = new Topic(Names.CALENDAR, "other tools (deployment, freeze, on-call)",
            RecordKey.CALENDAR_ENTRY_ID, List.of(CalendarEntryPublished.class),
            TopicDefinition.table(Names.CALENDAR, 3));
    public static final Topic INCIDENTS = new Topic(Names.INCIDENTS, "other tools (incident management)",
            RecordKey.INCIDENT_ID, List.of(IncidentRecorded.class), TopicDefinition.log(Names.INCIDENTS, 3));
    /** The systems Faultline may touch, per environment and service (compacted: the latest declaration wins). */
    public static final Topic TARGETS = new Topic(Names.TARGETS,
            "hypothesis-service's admin API (faultline targets apply)", RecordKey.TARGET,
            List.of(TargetDeclared.class), TopicDefinition.table(Names.TARGETS, 3));
    /** Failure-mode templates teams add beside the built-in ones (compacted: the latest per template id wins). */
    public static final Topic FAILURE_MODES = new Topic(Names.FAILURE_MODES,
            "hypothesis-service's admin API (faultline failure-modes add)",
            RecordKey.TEMPLATE_ID, List.of(FailureModeDeclared.class), TopicDefinition.table(Names.FAILURE_MODES, 3));
    public static final Topic DEAD_LETTERS = new Topic(Names.DEAD_LETTERS, "any service", RecordKey.SOURCE_KEY,
            List.of(DeadLetter.class), TopicDefinition.log(Names.DEAD_LETTERS, 3));

    private static final List<Topic> ALL = List.of(TARGETS, FAILURE_MODES, PROPOSALS, HYPOTHESES, SAFETY, INJECTIONS, EVIDENCE, VERDICTS, FOLLOWUPS,
            CATALOG, CONTROL, CALENDAR, INCIDENTS, DEAD_LETTERS);

    private Topics() {
    }

    /** Every topic, in workflow order. */
    public static List<Topic> all() {
        return ALL;
    }

    public static Optional<Topic> byName(String name) {
        return ALL.stream().filter(topic -> topic.name().equals(name)).findFirst();
    }

    /** The one topic an event type is written to. */
    public static Topic forValueType(Class<? extends SpecificRecord> type) {
        return ALL.stream().filter(topic -> topic.carries(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type.getName() + " is not written to any Faultline topic"));
    }

    private static Topic experimentLog(String name, String writer, List<Class<? extends SpecificRecord>> types) {
        return new Topic(name, writer, RecordKey.EXPERIMENT_ID, types, TopicDefinition.log(name, EXPERIMENT_PARTITIONS));
    }
}
