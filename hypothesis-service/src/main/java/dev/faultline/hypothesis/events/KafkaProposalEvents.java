package dev.faultline.hypothesis.events;

import dev.faultline.hypothesis.proposal.Proposal;
import dev.faultline.hypothesis.proposal.ProposalEvents;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.schemas.avro.ExperimentProposed;
import java.time.Clock;

/** Publishes proposals made over HTTP on faultline.proposals, with the proposer as the actor. */
public final class KafkaProposalEvents implements ProposalEvents {

    private final EventPublisher publisher;
    private final Clock clock;

    public KafkaProposalEvents(EventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public void proposed(Proposal p) {
        publisher.publish(ExperimentProposed.newBuilder()
                .setHeader(EventHeaders.first(p.experimentId(), Actors.person(p.proposer()), clock))
                .setService(p.service()).setFaultType(p.faultType()).setDependency(p.dependency())
                .setEnvironment(p.environment()).setReason(p.reason()).setMotivation(p.motivation()).setIncidentId(p.incidentId())
                .setRequestedDurationMillis(p.requestedDurationMillis()).setLabels(p.labels()).build());
    }
}
