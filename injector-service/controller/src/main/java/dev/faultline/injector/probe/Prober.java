package dev.faultline.injector.probe;

import dev.faultline.schemas.avro.ProbeSpec;
import java.util.concurrent.CompletableFuture;

/** Sends one probe request and completes with its {@link Sample}; never completes exceptionally, never blocks. */
public interface Prober {

    CompletableFuture<Sample> probe(ProbeSpec spec, String experimentId);
}
