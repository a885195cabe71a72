package dev.faultline.hypothesis.experiment;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The experiments by id: an in-memory view rebuilt from the {@link ExperimentStore} at start and written through
 * to it on every change.
 */
public final class Experiments {

    private final ExperimentStore store;
    private final Map<String, Experiment> byId = new ConcurrentHashMap<>();

    public Experiments(ExperimentStore store) {
        this.store = store;
        store.all().forEach(e -> byId.put(e.experimentId(), e));
    }

    public Optional<Experiment> find(String experimentId) {
        return Optional.ofNullable(byId.get(experimentId));
    }

    public void save(Experiment experiment) {
        store.save(experiment);
        byId.put(experiment.experimentId(), experiment);
    }

    public int size() {
        return byId.size();
    }
}
