package dev.faultline.hypothesis.experiment;

import java.util.List;

/** Durable storage of experiments (port; Cassandra in the service, in memory in unit tests). */
public interface ExperimentStore {

    void save(Experiment experiment);

    List<Experiment> all();
}
