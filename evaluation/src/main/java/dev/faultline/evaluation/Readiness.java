package dev.faultline.evaluation;

import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.InjectionStopped;
import java.util.List;
import java.util.Set;

/**
 * When an injection can be judged: its stop is recorded and so is every batch it announced (sequence 0..n-1). An
 * injector that does not count batches (evidenceBatches null) is judged on what arrived.
 */
public final class Readiness {

    private Readiness() {
    }

    /** @param sequences the sequence numbers of the batches recorded for the injection */
    public static boolean complete(InjectionStopped stopped, Set<Long> sequences) {
        Long announced = stopped.getEvidenceBatches();
        if (announced == null) {
            return true;
        }
        for (long sequence = 0; sequence < announced; sequence++) {
            if (!sequences.contains(sequence)) {
                return false;
            }
        }
        return true;
    }

    /** The batches the verdict is computed from: the announced ones, or all when the injector did not count. */
    public static List<EvidenceCaptured> judged(InjectionStopped stopped, List<EvidenceCaptured> evidence) {
        Long announced = stopped.getEvidenceBatches();
        return announced == null ? evidence : evidence.stream().filter(b -> b.getSequence() < announced).toList();
    }
}
