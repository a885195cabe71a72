package dev.faultline.injector.run;

import dev.faultline.injector.probe.Sample;
import dev.faultline.schemas.avro.ExperimentPhase;
import java.time.Instant;
import java.util.List;

/** Where a run reports what it does: InjectionStarted, EvidenceCaptured batches, InjectionStopped, or InjectionRefused. */
public interface InjectionEvents {

    void started(RunRequest run, Instant leaseExpiresAt, Instant deadline, boolean stopActionVerified);

    void evidence(RunRequest run, long sequence, ExperimentPhase phase, List<Sample> samples);

    void stopped(RunRequest run, RunOutcome outcome);

    /** A cleared injection that did not apply its fault, and why. */
    void refused(Refusal refusal);
}
