package dev.faultline.hypothesis.events;

import dev.faultline.hypothesis.experiment.Experiments;
import dev.faultline.hypothesis.proposal.Proposal;
import dev.faultline.hypothesis.proposal.ProposalIntake;
import dev.faultline.kit.cassandra.KeyspaceState;
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
 * The listener on proposals and on hypothesis-service's own topic, of which {@link Experiments} is the projection.
 * A proposal is handed to {@link ProposalIntake} as a {@link Proposal}; the service's own events are applied to the
 * projection. Its group's partitions are split between the instances. Before it consumes, it waits for the
 * {@link ExperimentViewListener} to have replayed both topics from offset zero into the projection — so that no
 * proposal is answered twice, however the topics interleave — and for the {@link ReadModelsListener} to know every
 * declared target and failure-mode template, incident and known-behaviour entry.
 */
@FaultlineListener(groupId = ExperimentListener.GROUP)
public class ExperimentListener extends EventListenerSupport {

    static final String GROUP = "${faultline.hypothesis.group-id:hypothesis-service}";

    private final ProposalIntake intake;
    private final Experiments experiments;
    private final boolean rebuild;

    /**
     * @param view       built (both topics replayed into {@code experiments}) before this listener consumes
     * @param readModels built (the declarations and what drafting consults replayed) before this listener consumes
     */
    public ExperimentListener(EventDispatch dispatch, ProposalIntake intake, Experiments experiments,
                              KeyspaceState keyspace, ExperimentViewListener view, ReadModelsListener readModels) {
        super(dispatch);
        this.intake = intake;
        this.experiments = experiments;
        this.rebuild = keyspace.created();
    }

    @Override
    protected boolean rebuildsFromStart() {
        return rebuild;
    }

    @Topic({Topics.Names.PROPOSALS, Topics.Names.HYPOTHESES})
    void receive(ConsumerRecord<String, byte[]> record) {
        dispatch(record, this::handle);
    }

    void handle(IncomingEvent event) {
        if (event.value() instanceof ExperimentProposed proposed) {
            String experimentId = proposed.getHeader().getExperimentId();
            if (experimentId == null || experimentId.isBlank()) {
                throw new InvalidEventException("the proposal has no experiment id to answer under");
            }
            intake.onProposed(toProposal(proposed), proposed.getHeader());
        } else {
            experiments.apply(event.value());
        }
    }

    static Proposal toProposal(ExperimentProposed p) {
        return new Proposal(p.getHeader().getExperimentId(), p.getService(), p.getFaultType(), p.getDependency(),
                p.getEnvironment(), p.getHeader().getActor().getId(), p.getReason(), p.getMotivation(),
                p.getRequestedDurationMillis(), p.getLabels(), p.getIncidentId(), p.getRequestedStart(),
                p.getRequestedEnd());
    }
}
