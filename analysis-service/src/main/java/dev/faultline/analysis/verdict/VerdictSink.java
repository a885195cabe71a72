package dev.faultline.analysis.verdict;

import dev.faultline.schemas.avro.VerdictIssued;

/** Where issued verdicts go (the verdicts topic); durable when {@code publish} returns. */
public interface VerdictSink {

    void publish(VerdictIssued verdict);
}
