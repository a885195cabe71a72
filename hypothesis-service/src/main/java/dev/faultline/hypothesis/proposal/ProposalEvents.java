package dev.faultline.hypothesis.proposal;

/** Publishes a proposal as an {@code ExperimentProposed} event (port). */
public interface ProposalEvents {

    /** A proposal made over HTTP: its proposer, a person, is the actor. */
    void proposed(Proposal proposal);

    /** A proposal the service makes itself (a re-verification): the service is the actor. */
    void proposedByService(Proposal proposal);
}
