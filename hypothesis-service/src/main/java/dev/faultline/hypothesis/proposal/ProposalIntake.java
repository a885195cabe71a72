package dev.faultline.hypothesis.proposal;

import dev.faultline.hypothesis.experiment.Experiments;
import dev.faultline.hypothesis.experiment.HypothesisEvents;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.HypothesisRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers each proposal once: drafts it into revision 1, or rejects it with the findings. A proposal for an
 * experiment that already has a draft or a rejection (a redelivery, a replay) publishes nothing new. The answer is
 * applied to {@link Experiments} as the event it published, never saved beside it.
 */
public final class ProposalIntake {

    private static final Logger LOG = LoggerFactory.getLogger(ProposalIntake.class);

    private final HypothesisDrafter drafter;
    private final Experiments experiments;
    private final HypothesisEvents events;

    public ProposalIntake(HypothesisDrafter drafter, Experiments experiments, HypothesisEvents events) {
        this.drafter = drafter;
        this.experiments = experiments;
        this.events = events;
    }

    public void onProposed(Proposal proposal, EventHeader cause) {
        String id = proposal.experimentId();
        experiments.proposed(id, proposal.proposer());
        if (experiments.find(id).isPresent()) {
            LOG.info("proposal for {} already answered; ignoring the redelivery", id);
            return;
        }
        DraftResult result = drafter.draft(proposal);
        if (result instanceof DraftResult.Drafted drafted) {
            HypothesisDrafted event = events.drafted(cause, 1, drafted.hypothesis(), null, drafted.warnings());
            experiments.apply(event);
            LOG.info("drafted {} revision 1 from template {}", id, drafted.hypothesis().getTemplateId());
        } else if (result instanceof DraftResult.Rejected rejected) {
            HypothesisRejected event = events.rejected(cause, rejected.revision(), rejected.findings());
            experiments.apply(event);
            LOG.info("rejected proposal {}: {}", id, rejected.findings());
        }
    }
}
