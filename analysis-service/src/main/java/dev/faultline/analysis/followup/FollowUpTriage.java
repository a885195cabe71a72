package dev.faultline.analysis.followup;

import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.schemas.avro.FollowUpOpened;
import dev.faultline.schemas.avro.FollowUpState;
import dev.faultline.schemas.avro.FollowUpStateChanged;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Triages a follow-up for a person: the change {@link Triage} allows is published on faultline.followups, then
 * recorded in the queue (the listener records it again when it reads it back, which changes nothing). One change at a
 * time, so two requests on one follow-up cannot both publish a change over the same state.
 */
public final class FollowUpTriage {

    private static final Logger LOG = LoggerFactory.getLogger(FollowUpTriage.class);

    private final FollowUpStore store;
    private final FollowUpEvents events;
    private final Clock clock;

    public FollowUpTriage(FollowUpStore store, FollowUpEvents events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Moves the follow-up {@code id} to {@code to} as {@code actor}; empty when there is no such follow-up.
     *
     * @throws Triage.Refused when the lifecycle does not allow it, saying what is allowed
     */
    public synchronized Optional<QueuedFollowUp> transition(UUID id, FollowUpState to, String assignee, String note,
                                                            String actor) {
        Optional<QueuedFollowUp> found = store.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        QueuedFollowUp current = found.get();
        Triage.Change change = Triage.decide(current.state(), current.assignee(), to, assignee, note);
        FollowUpOpened opened = current.opened();
        FollowUpStateChanged event = FollowUpStateChanged.newBuilder()
                .setHeader(EventHeaders.answering(opened.getHeader(), Actors.person(actor), clock))
                .setFollowUpId(id).setSequence(current.sequence() + 1).setFrom(change.from()).setTo(change.to())
                .setAssignee(change.assignee()).setNote(change.note()).setKind(opened.getKind())
                .setService(opened.getService()).setFaultType(opened.getFaultType())
                .setEnvironment(opened.getEnvironment()).build();
        events.changed(event);
        store.apply(event);
        LOG.info("follow-up {} {} → {} by {}", id, change.from(), change.to(), actor);
        return store.find(id);
    }
}
