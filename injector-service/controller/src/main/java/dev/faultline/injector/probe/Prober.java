package dev.faultline.injector.probe;

import dev.faultline.schemas.avro.ProbeKind;
import dev.faultline.schemas.avro.ProbeSpec;
import java.util.concurrent.CompletableFuture;

/** Sends one probe request and completes with its {@link Sample}; never completes exceptionally, never blocks. */
public interface Prober {

    CompletableFuture<Sample> probe(ProbeSpec spec, String experimentId);

    /** Whether probes of {@code kind} can be run; a run skips (and logs) the others. */
    default boolean runs(ProbeKind kind) {
        return true;
    }

    /** The experiment's probing is over: state kept between its samples (previous scrapes, file positions) goes. */
    default void finished(String experimentId) {
    }
}
