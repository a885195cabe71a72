package dev.faultline.schemas.bench;

import dev.faultline.schemas.SampleEvents;
import dev.faultline.schemas.registry.InMemorySchemaRegistryClient;
import dev.faultline.schemas.serde.FaultlineAvroDeserializer;
import dev.faultline.schemas.serde.FaultlineAvroSerializer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of the wire-format serde, in records per second, on realistic events: a HypothesisDrafted (two
 * predictions, a guardrail) and an EvidenceCaptured batch of 20 probe samples. Registry answers are cached after
 * the first record, as in a running service, so this measures the serde itself. Run with scripts/bench-serde.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SerdeBenchmark {

    private static final String HYPOTHESES = "faultline.hypotheses";
    private static final String EVIDENCE = "faultline.evidence";

    private FaultlineAvroSerializer<SpecificRecord> serializer;
    private FaultlineAvroDeserializer<SpecificRecord> deserializer;
    private SpecificRecord drafted;
    private SpecificRecord evidence;
    private byte[] draftedBytes;
    private byte[] evidenceBytes;

    @Setup
    public void setUp() {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        serializer = new FaultlineAvroSerializer<>(registry);
        serializer.configure(Map.of(), false);
        deserializer = new FaultlineAvroDeserializer<>(registry, null);
        deserializer.configure(Map.of(), false);
        SampleEvents events = new SampleEvents("exp-bench");
        drafted = events.drafted();
        evidence = events.evidence(20);
        draftedBytes = serializer.serialize(HYPOTHESES, drafted);
        evidenceBytes = serializer.serialize(EVIDENCE, evidence);
        if (!deserializer.deserialize(HYPOTHESES, draftedBytes).equals(drafted)) {
            throw new IllegalStateException("round trip of the benchmark record failed");
        }
    }

    @Benchmark
    public byte[] serializeHypothesisDrafted() {
        return serializer.serialize(HYPOTHESES, drafted);
    }

    @Benchmark
    public SpecificRecord deserializeHypothesisDrafted() {
        return deserializer.deserialize(HYPOTHESES, draftedBytes);
    }

    @Benchmark
    public byte[] serializeEvidence20Samples() {
        return serializer.serialize(EVIDENCE, evidence);
    }

    @Benchmark
    public SpecificRecord deserializeEvidence20Samples() {
        return deserializer.deserialize(EVIDENCE, evidenceBytes);
    }
}
