package dev.faultline.hypothesis.experiment;

import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.HypothesisRejected;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What hypothesis-service knows of one experiment, as its events tell it: who proposed it, every drafted revision
 * (the published events, so that answers keep the trace), the rejection if it was rejected, and its status. Each
 * {@code with...} step is idempotent, so that an event applied twice changes nothing the second time.
 */
public record Experiment(String experimentId, String proposer, ExperimentStatus status,
                         List<HypothesisDrafted> revisions, HypothesisRejected rejection) {

    public Experiment {
        revisions = List.copyOf(revisions);
    }

    /** Nothing known yet but the id. */
    public static Experiment unknown(String experimentId) {
        return new Experiment(experimentId, null, ExperimentStatus.PROPOSED, List.of(), null);
    }

    /** Drafted or rejected: the proposal has had its answer. */
    public boolean answered() {
        return status != ExperimentStatus.PROPOSED;
    }

    /** The latest revision, absent when the proposal was rejected before any draft. */
    public Optional<HypothesisDrafted> latest() {
        return revisions.isEmpty() ? Optional.empty() : Optional.of(revisions.get(revisions.size() - 1));
    }

    public int revision() {
        return latest().map(HypothesisDrafted::getRevision).orElse(0);
    }

    public Experiment withProposer(String person) {
        return new Experiment(experimentId, person, status, revisions, rejection);
    }

    /** With {@code next} as its newest revision; a revision it already has changes nothing. */
    public Experiment withRevision(HypothesisDrafted next) {
        if (next.getRevision() <= revision()) {
            return this;
        }
        List<HypothesisDrafted> all = new ArrayList<>(revisions);
        all.add(next);
        ExperimentStatus now = status == ExperimentStatus.PROPOSED ? ExperimentStatus.DRAFTED : status;
        return new Experiment(experimentId, proposer, now, all, rejection);
    }

    public Experiment withRejection(HypothesisRejected rejected) {
        return new Experiment(experimentId, proposer, ExperimentStatus.REJECTED, revisions, rejected);
    }

    public Experiment approved() {
        return new Experiment(experimentId, proposer, ExperimentStatus.APPROVED, revisions, rejection);
    }
}
