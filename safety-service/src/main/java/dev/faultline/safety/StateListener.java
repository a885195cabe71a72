package dev.faultline.safety;

import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.events.EventDispatch;
import dev.faultline.kit.events.EventHandlingException;
import dev.faultline.kit.events.EventListenerSupport;
import dev.faultline.kit.events.FaultlineListener;
import dev.faultline.kit.events.IncomingEvent;
import dev.faultline.kit.events.InvalidEventException;
import dev.faultline.kit.events.TopicReplay;
import dev.faultline.safety.calendar.CalendarEntry;
import dev.faultline.safety.calendar.DeploymentCalendar;
import dev.faultline.safety.envelope.MidRunWatch;
import dev.faultline.safety.halt.ActiveHalts;
import dev.faultline.safety.halt.Halt;
import dev.faultline.safety.incident.OpenIncidents;
import dev.faultline.safety.preflight.ActiveInjections;
import dev.faultline.safety.target.DeclaredTargets;
import dev.faultline.schemas.avro.CalendarEntryKind;
import dev.faultline.schemas.avro.CalendarEntryPublished;
import dev.faultline.schemas.avro.HaltLifted;
import dev.faultline.schemas.avro.HaltRequested;
import dev.faultline.schemas.avro.HaltScope;
import dev.faultline.schemas.avro.IncidentRecorded;
import dev.faultline.schemas.avro.InjectionRefused;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.TargetDeclared;
import dev.faultline.schemas.avro.TargetDependency;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.configuration.kafka.annotation.Topic;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory read models — active halts, the calendar, running injections, open incidents, declared targets — of
 * the control, calendar, injections, incidents and targets topics (small topics). Built before anything else at every
 * start: the constructor replays the topics to their end ({@link TopicReplay}), so no preflight ({@link PlanListener}
 * waits for this bean) and no mid-run check ({@link MidRunWatch}, started once the replay is done) ever runs on half of
 * them; then the listener goes on from where the replay ended, in a group of this instance's own
 * ({@code safety-service-state_<uuid>}, so that each instance follows every partition), and re-checks the running
 * injections after every event.
 */
@FaultlineListener(groupId = "${faultline.safety.group-id:safety-service}-state", uniqueGroupId = true)
public class StateListener extends EventListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(StateListener.class);
    private static final List<String> TOPICS = List.of(Topics.Names.CONTROL, Topics.Names.CALENDAR,
            Topics.Names.INJECTIONS, Topics.Names.INCIDENTS, Topics.Names.TARGETS);

    private final ActiveHalts halts;
    private final DeploymentCalendar calendar;
    private final ActiveInjections injections;
    private final OpenIncidents incidents;
    private final DeclaredTargets targets;
    private final MidRunWatch watch;

    public StateListener(EventDispatch dispatch, ActiveHalts halts, DeploymentCalendar calendar,
                         ActiveInjections injections, OpenIncidents incidents, DeclaredTargets targets,
                         MidRunWatch watch, KafkaSettings settings) {
        super(dispatch);
        this.halts = halts;
        this.calendar = calendar;
        this.injections = injections;
        this.incidents = incidents;
        this.targets = targets;
        this.watch = watch;
        Map<TopicPartition, Long> replayedTo = TopicReplay.readToEnd(settings, TOPICS, this::replay);
        followFrom(replayedTo);
        watch.start();
        LOG.info("safety state replayed to {}: {} active halts", replayedTo, halts.all().size());
    }

    private void replay(ConsumerRecord<String, byte[]> record) {
        try {
            dispatch(record, this::onState);
        } catch (EventHandlingException e) {
            LOG.warn("replaying {}-{}@{} failed; the state goes on without it", record.topic(), record.partition(),
                    record.offset(), e);
        }
    }

    @Topic({Topics.Names.CONTROL, Topics.Names.CALENDAR, Topics.Names.INJECTIONS, Topics.Names.INCIDENTS,
            Topics.Names.TARGETS})
    void receive(ConsumerRecord<String, byte[]> record) {
        dispatch(record, this::onState);
        if (!Topics.Names.CONTROL.equals(record.topic())) {
            // a halt or a lift brings no new reason to stop a run (and the watch's own halts come back here)
            watch.sweep();
        }
    }

    void onState(IncomingEvent event) {
        if (event.value() instanceof HaltRequested h) {
            halts.requested(new Halt(h.getHaltId(), h.getScope(),
                    h.getScope() == HaltScope.EXPERIMENT ? h.getHeader().getExperimentId() : null, h.getEnvironment(),
                    h.getReason()));
        } else if (event.value() instanceof HaltLifted l) {
            halts.lifted(l.getHaltId());
        } else if (event.value() instanceof CalendarEntryPublished c) {
            onCalendar(c);
        } else if (event.value() instanceof InjectionStarted s) {
            injections.started(new ActiveInjections.Running(s.getInjectionId(), event.experimentId(),
                    s.getFault().getTarget().getService(), s.getDeadline()));
        } else if (event.value() instanceof InjectionStopped s) {
            injections.stopped(s.getInjectionId());
            injections.ended(event.experimentId(), s.getHeader().getOccurredAt());
        } else if (event.value() instanceof InjectionRefused r) {
            injections.ended(event.experimentId(), r.getHeader().getOccurredAt());
        } else if (event.value() instanceof IncidentRecorded i) {
            incidents.recorded(new OpenIncidents.Incident(i.getIncidentId(), i.getTitle(), i.getStatus(),
                    i.getEnvironment(), new HashSet<>(i.getServices()), i.getStartedAt()));
        } else if (event.value() instanceof TargetDeclared t) {
            onTarget(t);
        }
    }

    private void onTarget(TargetDeclared t) {
        if (t.getRemoved()) {
            targets.removed(t.getEnvironment(), t.getService());
        } else {
            targets.declared(t.getEnvironment(), t.getService(), new DeclaredTargets.Declared(
                    t.getDependencies().stream().map(TargetDependency::getName).collect(Collectors.toSet()),
                    t.getOnCall()));
        }
    }

    private void onCalendar(CalendarEntryPublished c) {
        if (c.getCancelled() || c.getKind() == CalendarEntryKind.UNKNOWN) {
            calendar.remove(c.getEntryId());
            return;
        }
        if (!c.getEndsAt().isAfter(c.getStartsAt())) {
            throw new InvalidEventException(c.getKind() + " " + c.getEntryId() + " ends before it starts");
        }
        if (c.getKind() == CalendarEntryKind.ON_CALL_SHIFT && (c.getPerson() == null || c.getPerson().isBlank())) {
            throw new InvalidEventException("on-call shift " + c.getEntryId() + " names no person");
        }
        calendar.put(new CalendarEntry(c.getEntryId(), c.getKind(), c.getEnvironment(), new HashSet<>(c.getServices()),
                c.getStartsAt(), c.getEndsAt(), c.getTitle(), c.getPerson(), c.getSource() + ":" + c.getEntryId()));
    }
}
