package dev.faultline.injector.evidence;

import dev.faultline.injector.probe.Sample;
import dev.faultline.schemas.avro.ExperimentPhase;
import java.util.List;

/** Receives evidence batches in sequence order (0, 1, 2, … across all phases). */
@FunctionalInterface
public interface BatchSink {

    void batch(long sequence, ExperimentPhase phase, List<Sample> samples);
}
