package dev.faultline.hypothesis.experiment;

import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.HypothesisRejected;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What hypothesis-service knows of one experiment: who proposed it, every drafted revision (the published events,
 * so that answers keep the trace), the rejection if it was rejected, and its status.
 */
public record Experiment(String experimentId, String proposer, ExperimentStatus status,
                         List<HypothesisDrafted> revisions, HypothesisRejected rejection) {

    public Experiment {
        revisions = List.copyOf(revisions);
    }

    public static Experiment drafted(String experimentId, String proposer, HypothesisDrafted first) {
        return new Experiment(experimentId, proposer, ExperimentStatus.DRAFTED, List.of(first), null);
    }

    public static Experiment rejected(String experimentId, String proposer, HypothesisRejected rejection) {
        return new Experiment(experimentId, proposer, ExperimentStatus.REJECTED, List.of(), rejection);
    }

    /** The latest revision, absent when the proposal was rejected before any draft. */
    public Optional<HypothesisDrafted> latest() {
        return revisions.isEmpty() ? Optional.empty() : Optional.of(revisions.get(revisions.size() - 1));
    }

    public int revision() {
        return latest().map(HypothesisDrafted::getRevision).orElse(0);
    }

    public Experiment withRevision(HypothesisDrafted next) {
        List<HypothesisDrafted> all = new ArrayList<>(revisions);
        all.add(next);
        return new Experiment(experimentId, proposer, status, all, rejection);
    }

    public Experiment approved() {
        return new Experiment(experimentId, proposer, ExperimentStatus.APPROVED, revisions, rejection);
    }
}
