package dev.faultline.hypothesis.events;

import dev.faultline.hypothesis.proposal.Proposal;
import dev.faultline.hypothesis.proposal.ProposalIntake;
import dev.faultline.kit.events.EventLoops;
import dev.faultline.kit.events.IncomingEvent;
import dev.faultline.kit.events.InvalidEventException;
import dev.faultline.schemas.avro.ExperimentProposed;
import dev.faultline.schemas.topics.Topics;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PostConstruct;
import java.util.List;

/**
 * The event loop on faultline.proposals: translates each {@code ExperimentProposed} into a {@link Proposal} and
 * hands it to {@link ProposalIntake}. A record without an experiment id cannot be answered and goes to the DLQ.
 */
@Context
public class ProposalListener {

    private final EventLoops loops;
    private final ProposalIntake intake;
    private final String groupId;

    public ProposalListener(EventLoops loops, ProposalIntake intake,
                            @Value("${faultline.hypothesis.group-id:hypothesis-service}") String groupId) {
        this.loops = loops;
        this.intake = intake;
        this.groupId = groupId;
    }

    @PostConstruct
    void start() {
        loops.start(groupId, List.of(Topics.PROPOSALS), this::handle);
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
