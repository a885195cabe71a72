package dev.faultline.safety;

import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.events.EventDispatch;
import dev.faultline.kit.events.EventHandlingException;
import dev.faultline.kit.events.EventListenerSupport;
import dev.faultline.kit.events.FaultlineListener;
import dev.faultline.kit.events.IncomingEvent;
import dev.faultline.kit.events.InvalidEventException;
import dev.faultline.kit.events.TopicReplay;
import dev.faultline.safety.calendar.Freeze;
import dev.faultline.safety.calendar.FreezeCalendar;
import dev.faultline.safety.halt.ActiveHalts;
import dev.faultline.safety.halt.Halt;
import dev.faultline.safety.preflight.ActiveInjections;
import dev.faultline.schemas.avro.CalendarEntryKind;
import dev.faultline.schemas.avro.CalendarEntryPublished;
import dev.faultline.schemas.avro.HaltLifted;
import dev.faultline.schemas.avro.HaltRequested;
import dev.faultline.schemas.avro.HaltScope;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.configuration.kafka.annotation.Topic;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory read models — active halts, freezes, running injections — of the control, calendar and injections
 * topics (small topics). Built before anything else at every start: the constructor replays the topics to their end
 * ({@link TopicReplay}), so no preflight ({@link PlanListener} waits for this bean) ever runs on half of them; then
 * the listener, in the stable group {@code safety-service-state}, goes on from where the replay ended.
 */
@FaultlineListener(groupId = "${faultline.safety.group-id:safety-service}-state")
public class StateListener extends EventListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(StateListener.class);
    private static final List<String> TOPICS = List.of(Topics.Names.CONTROL, Topics.Names.CALENDAR, Topics.Names.INJECTIONS);

    private final ActiveHalts halts;
    private final FreezeCalendar calendar;
    private final ActiveInjections injections;

    public StateListener(EventDispatch dispatch, ActiveHalts halts, FreezeCalendar calendar, ActiveInjections injections,
                         KafkaSettings settings) {
        super(dispatch);
        this.halts = halts;
        this.calendar = calendar;
        this.injections = injections;
        Map<TopicPartition, Long> replayedTo = TopicReplay.readToEnd(settings, TOPICS, this::replay);
        followFrom(replayedTo);
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

    @Topic({Topics.Names.CONTROL, Topics.Names.CALENDAR, Topics.Names.INJECTIONS})
    void receive(ConsumerRecord<String, byte[]> record) {
        dispatch(record, this::onState);
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
        }
    }

    private void onCalendar(CalendarEntryPublished c) {
        if (c.getKind() != CalendarEntryKind.FREEZE || c.getCancelled()) {
            calendar.remove(c.getEntryId());
            return;
        }
        if (!c.getEndsAt().isAfter(c.getStartsAt())) {
            throw new InvalidEventException("freeze " + c.getEntryId() + " ends before it starts");
        }
        calendar.put(c.getEntryId(), new Freeze(c.getEnvironment() == null ? null : c.getEnvironment(),
                new HashSet<>(c.getServices()), c.getStartsAt(), c.getEndsAt(), c.getTitle(),
                c.getSource() + ":" + c.getEntryId()));
    }
}
