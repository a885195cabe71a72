package dev.faultline.hypothesis.proposal;

/** Publishes a proposal made over HTTP as an {@code ExperimentProposed} event (port). */
public interface ProposalEvents {

    void proposed(Proposal proposal);
}
