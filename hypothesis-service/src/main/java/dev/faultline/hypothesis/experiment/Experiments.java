package dev.faultline.hypothesis.experiment;

import dev.faultline.schemas.avro.ExperimentProposed;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.HypothesisRejected;
import dev.faultline.schemas.avro.PlanApproved;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.apache.avro.specific.SpecificRecord;

/**
 * The experiments by id, a projection of the proposals and hypotheses topics: each event is {@link #apply applied}
 * (idempotently, so a replay changes nothing) to an in-memory view written through to the {@link ExperimentStore}.
 * The service applies the events it publishes at once, so that its next answer already sees them; reading them back
 * from the topic applies them again, harmlessly (revisions only grow; a rejection is final). Every instance applies
 * every partition's events ({@code events/ExperimentViewListener}), so that any instance answers for any
 * experiment. Nothing here is saved that is not an event.
 */
public final class Experiments {

    private final ExperimentStore store;
    private final Map<String, Experiment> byId = new ConcurrentHashMap<>();

    public Experiments(ExperimentStore store) {
        this.store = store;
        store.all().forEach(e -> byId.put(e.experimentId(), e));
    }

    /** The experiment, once its proposal has been answered (drafted or rejected). */
    public Optional<Experiment> find(String experimentId) {
        return Optional.ofNullable(byId.get(experimentId)).filter(Experiment::answered);
    }

    /** Whether anything is known of the experiment, its proposal included (answered or not). */
    public boolean known(String experimentId) {
        return byId.containsKey(experimentId);
    }

    /** An ExperimentProposed: who proposed it. */
    public void proposed(String experimentId, String proposer) {
        update(experimentId, e -> e.withProposer(proposer));
    }

    /**
     * The facts of an event of the proposals or hypotheses topic, without answering anything: who proposed, and
     * hypothesis-service's own events ({@link #apply}).
     */
    public void project(SpecificRecord event) {
        if (event instanceof ExperimentProposed p && p.getHeader().getExperimentId() != null) {
            proposed(p.getHeader().getExperimentId(), p.getHeader().getActor().getId());
        } else {
            apply(event);
        }
    }

    /** A hypothesis-service event (drafted, rejected, approved); other events change nothing. */
    public void apply(SpecificRecord event) {
        if (event instanceof HypothesisDrafted d) {
            update(d.getHeader().getExperimentId(), e -> e.withRevision(d));
        } else if (event instanceof HypothesisRejected r) {
            update(r.getHeader().getExperimentId(), e -> e.withRejection(r));
        } else if (event instanceof PlanApproved a) {
            update(a.getHeader().getExperimentId(), Experiment::approved);
        }
    }

    private synchronized void update(String experimentId, UnaryOperator<Experiment> change) {
        Experiment before = byId.getOrDefault(experimentId, Experiment.unknown(experimentId));
        Experiment after = change.apply(before);
        if (!after.equals(before)) {
            store.save(after);
            byId.put(experimentId, after);
        }
    }
}
