package dev.faultline.injector.run;

import dev.faultline.injector.probe.Sample;
import dev.faultline.schemas.avro.ExperimentPhase;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what a run reports, in order; can be told to fail publishing InjectionStarted, or to take its time. */
final class RecordingEvents implements InjectionEvents {

    record Batch(long sequence, ExperimentPhase phase, List<Sample> samples) {
    }

    final List<String> order = new CopyOnWriteArrayList<>();
    volatile Refusal refusal;
    final List<Batch> batches = new CopyOnWriteArrayList<>();
    volatile RunOutcome outcome;
    volatile Instant deadline;
    volatile boolean failStarted;
    /** Runs inside the publish of InjectionStarted: a slow broker. */
    volatile Runnable whileStarting = () -> { };

    @Override
    public void started(RunRequest run, Instant leaseExpiresAt, Instant deadline, boolean stopActionVerified) {
        if (failStarted) {
            throw new IllegalStateException("broker unavailable");
        }
        whileStarting.run();
        this.deadline = deadline;
        order.add("started");
    }

    @Override
    public void evidence(RunRequest run, long sequence, ExperimentPhase phase, List<Sample> samples) {
        batches.add(new Batch(sequence, phase, samples));
        order.add("evidence-" + phase);
    }

    @Override
    public void stopped(RunRequest run, RunOutcome outcome) {
        this.outcome = outcome;
        order.add("stopped");
    }

    @Override
    public void refused(Refusal refusal) {
        this.refusal = refusal;
        order.add("refused");
    }
}
