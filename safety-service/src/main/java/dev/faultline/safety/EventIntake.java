package dev.faultline.safety;

import dev.faultline.kit.events.EventLoops;
import dev.faultline.kit.events.IncomingEvent;
import dev.faultline.kit.events.InvalidEventException;
import dev.faultline.safety.calendar.Freeze;
import dev.faultline.safety.calendar.FreezeCalendar;
import dev.faultline.safety.halt.ActiveHalts;
import dev.faultline.safety.halt.Halt;
import dev.faultline.safety.plan.PlanBook;
import dev.faultline.safety.preflight.ActiveInjections;
import dev.faultline.safety.preflight.PreflightCoordinator;
import dev.faultline.schemas.avro.ActorKind;
import dev.faultline.schemas.avro.CalendarEntryKind;
import dev.faultline.schemas.avro.CalendarEntryPublished;
import dev.faultline.schemas.avro.ExperimentProposed;
import dev.faultline.schemas.avro.HaltLifted;
import dev.faultline.schemas.avro.HaltRequested;
import dev.faultline.schemas.avro.HaltScope;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PostConstruct;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * The service's event loops, thin adapters onto the domain. Group {@code safety-service} (committed offsets) reads
 * proposals and hypotheses: drafts and proposers are stored, PlanApproved runs the preflight. A second group, new
 * at every start, rebuilds the in-memory read models from the whole history of the control, calendar and
 * injections topics (active halts, freezes, running injections), which are small.
 */
@Context
public class EventIntake {

    private final EventLoops loops;
    private final PlanBook plans;
    private final PreflightCoordinator preflight;
    private final ActiveHalts halts;
    private final FreezeCalendar calendar;
    private final ActiveInjections injections;
    private final String groupId;

    public EventIntake(EventLoops loops, PlanBook plans, PreflightCoordinator preflight, ActiveHalts halts,
                       FreezeCalendar calendar, ActiveInjections injections,
                       @Value("${faultline.safety.group-id:safety-service}") String groupId) {
        this.loops = loops;
        this.plans = plans;
        this.preflight = preflight;
        this.halts = halts;
        this.calendar = calendar;
        this.injections = injections;
        this.groupId = groupId;
    }

    @PostConstruct
    void start() {
        loops.start(groupId + "-state-" + UUID.randomUUID(), List.of(Topics.CONTROL, Topics.CALENDAR, Topics.INJECTIONS),
                this::onState);
        loops.start(groupId, List.of(Topics.PROPOSALS, Topics.HYPOTHESES), this::onPlan);
    }

    void onPlan(IncomingEvent event) throws InterruptedException {
        String experimentId = event.experimentId();
        if (event.value() instanceof ExperimentProposed p) {
            plans.proposedBy(experimentId, p.getHeader().getActor().getId());
        } else if (event.value() instanceof HypothesisDrafted d) {
            plans.saveDraft(experimentId, d.getRevision(), d.getHypothesis());
            if (d.getRevision() == 1 && d.getHeader().getActor().getKind() == ActorKind.PERSON) {
                plans.draftedFor(experimentId, d.getHeader().getActor().getId());
            }
        } else if (event.value() instanceof PlanApproved a) {
            plans.approved(experimentId, a.getRevision());
            if (plans.approvedPlan(experimentId).isEmpty()) {
                throw new InvalidEventException("revision " + a.getRevision() + " of " + experimentId
                        + " was approved but never drafted");
            }
            preflight.onPlanApproved(experimentId, a.getRevision(), a.getHeader());
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
