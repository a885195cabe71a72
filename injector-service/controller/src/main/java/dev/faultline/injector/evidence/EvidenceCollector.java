package dev.faultline.injector.evidence;

import dev.faultline.injector.probe.Prober;
import dev.faultline.injector.probe.Sample;
import dev.faultline.kit.tracing.TraceContexts;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.ProbeSpec;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a run's probes at their fixed rates (asynchronously: a slow answer never delays the next probe), tags each
 * sample with the phase in which it was sent and answered (none is sent while the fault is being applied or
 * removed, and one answered after such a change is evidence of neither phase), keeps the DURING samples for the
 * guardrails (and tells {@code duringSampleArrived} of each as it arrives, so that they are evaluated at once), and
 * hands the samples to a {@link BatchSink} as one batch per phase every batch period, numbered across all phases.
 *
 * <p>The sink is never called under the lock that guards the samples: while it waits (a broker restarting holds a
 * publish for as long as it is away), answers are still recorded and the guardrails still read them, and batches
 * numbered meanwhile queue behind it. A batch the sink refuses stays first in the queue, under its number, for the next
 * flush.
 */
public final class EvidenceCollector {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceCollector.class);

    private final Prober prober;
    private final ScheduledExecutorService scheduler;
    private final BatchSink sink;
    private final String experimentId;
    private final Context trace;
    private final Runnable duringSampleArrived;
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private final Set<CompletableFuture<Sample>> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<ExperimentPhase, List<Sample>> pending = new EnumMap<>(ExperimentPhase.class);
    private final List<Sample> during = new ArrayList<>();
    /** Numbered batches not yet taken by the sink, oldest first (guarded by this). */
    private final Deque<Batch> unsent = new ArrayDeque<>();
    /** Held by the one flush that calls the sink, so batches reach it one at a time and in order. */
    private final ReentrantLock publishing = new ReentrantLock();
    private volatile ExperimentPhase phase = ExperimentPhase.BEFORE;
    /** Between two phases: the fault being applied or removed. No probe is sent then. */
    private volatile boolean changing;
    /** One more at each change of phase: an answer that comes back in another is evidence of neither phase. */
    private final AtomicInteger changes = new AtomicInteger();
    private long numbered;
    private long published;
    private long total;

    private record Batch(long sequence, ExperimentPhase phase, List<Sample> samples) {
    }

    /**
     * @param traceparent the experiment's trace context (of the run's cause): every probe request is sent in it
     * @param duringSampleArrived run on the answering thread after each DURING sample is recorded
     */
    public EvidenceCollector(Prober prober, ScheduledExecutorService scheduler, BatchSink sink, String experimentId,
                             String traceparent, Runnable duringSampleArrived) {
        this.prober = prober;
        this.duringSampleArrived = duringSampleArrived;
        this.scheduler = scheduler;
        this.sink = sink;
        this.experimentId = experimentId;
        SpanContext parent = TraceContexts.parse(traceparent);
        this.trace = parent.isValid() ? Context.root().with(Span.wrap(parent)) : Context.root();
    }

    /** Starts every probe the prober runs at its interval, and the batch flush every {@code batch}. */
    public void start(List<ProbeSpec> probes, Duration batch) {
        for (ProbeSpec spec : probes) {
            if (!prober.runs(spec.getKind())) {
                LOG.warn("probe {} of kind {} skipped: the injector cannot run it", spec.getProbeId(), spec.getKind());
                continue;
            }
            long interval = Math.max(10, spec.getIntervalMillis());
            tasks.add(scheduler.scheduleAtFixedRate(() -> fire(spec), 0, interval, TimeUnit.MILLISECONDS));
        }
        tasks.add(scheduler.scheduleAtFixedRate(this::flush, batch.toMillis(), batch.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** The phase from now on (a no-op when it already is the phase and no change is under way). */
    public void phase(ExperimentPhase next) {
        if (next == phase && !changing) {
            return;
        }
        phase = next;
        changing = false;
        changes.incrementAndGet();
    }

    /**
     * The fault is about to be applied or removed: until the next {@link #phase}, no probe is sent, and a probe still
     * out is not recorded when it answers — it may have been served with the fault or without it (one sent just
     * before the removal, answered after, was recorded as DURING with the fault already gone).
     */
    public void changing() {
        changing = true;
        changes.incrementAndGet();
    }

    public ExperimentPhase phase() {
        return phase;
    }

    private void fire(ProbeSpec spec) {
        int sentAfter = changes.get(); // read first: a change from here on makes the answer evidence of neither phase
        if (changing) {
            return;
        }
        ExperimentPhase sentIn = phase;
        CompletableFuture<Sample> answer;
        try (Scope scope = trace.makeCurrent()) {
            answer = prober.probe(spec, experimentId);
        }
        inFlight.add(answer);
        answer.thenAccept(sample -> {
            if (changes.get() != sentAfter) {
                return;
            }
            record(sentIn, sample);
            if (sentIn == ExperimentPhase.DURING) {
                duringSampleArrived.run();
            }
        }).whenComplete((v, e) -> inFlight.remove(answer));
    }

    private synchronized void record(ExperimentPhase sentIn, Sample sample) {
        pending.computeIfAbsent(sentIn, p -> new ArrayList<>()).add(sample);
        if (sentIn == ExperimentPhase.DURING) {
            during.add(sample);
        }
        total++;
    }

    /** A copy of every DURING sample so far (for guardrail evaluation). */
    public synchronized List<Sample> duringSamples() {
        return List.copyOf(during);
    }

    public synchronized long sampleCount() {
        return total;
    }

    /** How many batches the sink has taken (0 to n-1): what a stop announces. */
    public synchronized long batches() {
        return published;
    }

    /**
     * Publishes what has been collected since the last batch, one batch per phase in phase order, and any batch still
     * queued. When another flush is calling the sink, the new batches are queued for it and this returns at once.
     */
    public void flush() {
        number();
        if (publishing.tryLock()) {
            publishQueued();
        }
    }

    /** Numbers the samples collected since the last flush into batches, one per phase, at the end of the queue. */
    private synchronized void number() {
        for (Map.Entry<ExperimentPhase, List<Sample>> entry : pending.entrySet()) {
            if (!entry.getValue().isEmpty()) {
                unsent.addLast(new Batch(numbered++, entry.getKey(), List.copyOf(entry.getValue())));
                entry.getValue().clear();
            }
        }
    }

    /** Hands the queue to the sink in order until it is empty or the sink refuses one; releases {@code publishing}. */
    private void publishQueued() {
        try {
            Batch next;
            while ((next = firstUnsent()) != null) {
                sink.batch(next.sequence(), next.phase(), next.samples());
                sent();
            }
        } catch (RuntimeException e) {
            LOG.error("cannot publish evidence batch {} of {} (kept for the next flush): {}", published, experimentId,
                    e.getMessage());
        } finally {
            publishing.unlock();
        }
    }

    private synchronized Batch firstUnsent() {
        return unsent.peekFirst();
    }

    private synchronized void sent() {
        unsent.removeFirst();
        published++;
    }

    /** Stops probing, waits up to {@code grace} for answers still in flight, and publishes the last batches. */
    public void finish(Duration grace) {
        tasks.forEach(t -> t.cancel(false));
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.debug("{} probe answers still outstanding after {}", inFlight.size(), grace);
        }
        number();
        publishing.lock(); // after a flush still at the sink: the last batches go out behind everything before them
        publishQueued();
        synchronized (this) {
            if (!unsent.isEmpty()) {
                LOG.error("{} evidence batches of {} were never published; the stop announces the {} that were",
                        unsent.size(), experimentId, published);
            }
        }
        prober.finished(experimentId);
    }
}
