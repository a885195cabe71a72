package dev.faultline.hypothesis.events;

import dev.faultline.hypothesis.proposal.Proposal;
import dev.faultline.hypothesis.proposal.ProposalIntake;
import dev.faultline.kit.events.EventDispatch;
import dev.faultline.kit.events.EventListenerSupport;
import dev.faultline.kit.events.FaultlineListener;
import dev.faultline.kit.events.IncomingEvent;
import dev.faultline.kit.events.InvalidEventException;
import dev.faultline.schemas.avro.ExperimentProposed;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The listener on faultline.proposals: translates each {@code ExperimentProposed} into a {@link Proposal} and hands
 * it to {@link ProposalIntake}. A record without an experiment id cannot be answered and goes to the DLQ.
 */
@FaultlineListener(groupId = "${faultline.hypothesis.group-id:hypothesis-service}")
public class ProposalListener extends EventListenerSupport {

    private final ProposalIntake intake;

    public ProposalListener(EventDispatch dispatch, ProposalIntake intake) {
        super(dispatch);
        this.intake = intake;
    }

    @Topic(Topics.Names.PROPOSALS)
    void receive(ConsumerRecord<String, byte[]> record) {
        dispatch(record, this::handle);
    }

    void handle(IncomingEvent event) {
        ExperimentProposed proposed = event.as(ExperimentProposed.class)
                .orElseThrow(() -> new InvalidEventException("not an ExperimentProposed"));
        String experimentId = proposed.getHeader().getExperimentId();
        if (experimentId == null || experimentId.isBlank()) {
            throw new InvalidEventException("the proposal has no experiment id to answer under");
        }
        intake.onProposed(toProposal(proposed), proposed.getHeader());
    }

    static Proposal toProposal(ExperimentProposed p) {
        return new Proposal(p.getHeader().getExperimentId(), p.getService(), p.getFaultType(), p.getDependency(),
                p.getEnvironment(), p.getHeader().getActor().getId(), p.getReason(), p.getMotivation(),
                p.getRequestedDurationMillis(), p.getLabels());
    }
}
