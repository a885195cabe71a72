package dev.faultline.hypothesis.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@link ExperimentStore} in memory, for unit tests. */
public final class InMemoryExperimentStore implements ExperimentStore {

    private final Map<String, Experiment> rows = new LinkedHashMap<>();

    @Override
    public synchronized void save(Experiment experiment) {
        rows.put(experiment.experimentId(), experiment);
    }

    @Override
    public synchronized List<Experiment> all() {
        return new ArrayList<>(rows.values());
    }
}
