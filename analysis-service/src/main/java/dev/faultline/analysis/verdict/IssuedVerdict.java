package dev.faultline.analysis.verdict;

import dev.faultline.schemas.avro.VerdictIssued;
import java.util.Set;
import java.util.UUID;

/**
 * A verdict as stored: the event, the evidence batches it judged (empty when it was learnt from the verdicts topic),
 * whether it reached the topic, and its Markdown report (null when not rendered yet).
 */
public record IssuedVerdict(VerdictIssued event, Set<String> evidenceKeys, boolean published, String report) {

    public IssuedVerdict {
        evidenceKeys = Set.copyOf(evidenceKeys);
    }

    public String experimentId() {
        return event.getHeader().getExperimentId();
    }

    public UUID injectionId() {
        return event.getInjectionId();
    }
}
