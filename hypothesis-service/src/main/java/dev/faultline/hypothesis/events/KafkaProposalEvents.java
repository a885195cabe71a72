package dev.faultline.hypothesis.events;

import dev.faultline.hypothesis.proposal.Proposal;
import dev.faultline.hypothesis.proposal.ProposalEvents;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.schemas.avro.Actor;
import dev.faultline.schemas.avro.ExperimentProposed;
import java.time.Clock;

/** Publishes proposals on faultline.proposals: those made over HTTP with the proposer as the actor, the service's own with the service. */
public final class KafkaProposalEvents implements ProposalEvents {

    private final EventPublisher publisher;
    private final Clock clock;

    public KafkaProposalEvents(EventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public void proposed(Proposal p) {
        publish(p, Actors.person(p.proposer()));
    }

    @Override
    public void proposedByService(Proposal p) {
        publish(p, Actors.service(p.proposer()));
    }

    private void publish(Proposal p, Actor actor) {
        publisher.publish(ExperimentProposed.newBuilder()
                .setHeader(EventHeaders.first(p.experimentId(), actor, clock))
                .setService(p.service()).setFaultType(p.faultType()).setDependency(p.dependency())
                .setEnvironment(p.environment()).setReason(p.reason()).setMotivation(p.motivation()).setIncidentId(p.incidentId())
                .setRequestedDurationMillis(p.requestedDurationMillis()).setLabels(p.labels())
                .setRequestedStart(p.requestedStart()).setRequestedEnd(p.requestedEnd()).build());
    }
}
