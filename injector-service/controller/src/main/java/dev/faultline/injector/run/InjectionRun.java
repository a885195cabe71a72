package dev.faultline.injector.run;

import dev.faultline.injector.Timings;
import dev.faultline.injector.evidence.EvidenceCollector;
import dev.faultline.injector.fault.Fault;
import dev.faultline.injector.guardrail.GuardrailEvaluator;
import dev.faultline.injector.guardrail.GuardrailRule;
import dev.faultline.injector.probe.Prober;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.ProbeSpec;
import dev.faultline.schemas.avro.RefusalReason;
import dev.faultline.schemas.avro.StopReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle of one injection: BEFORE probes → stop action rehearsed in the fault's place (else InjectionRefused,
 * nothing applied) → fault applied under a lease →
 * InjectionStarted → DURING probes, evidence batches, guardrails, lease renewal → stop at the deadline, a guardrail
 * breach, a halt or a failure → fault removed and verified (always, in a finally) → AFTER probes → InjectionStopped.
 */
public final class InjectionRun {

    private static final Logger LOG = LoggerFactory.getLogger(InjectionRun.class);
    private static final int REMOVE_ATTEMPTS = 5;

    private final RunRequest run;
    private final InjectionEvents events;
    private final RunStore store;
    private final RunMetrics metrics;
    private final Timings timings;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final EvidenceCollector evidence;
    private final CompletableFuture<StopCause> stop = new CompletableFuture<>();
    private volatile Instant startedAt;
    private volatile Instant deadline;
    private boolean rollbackVerified;
    private Instant removedAt;
    /** When removal began: from here on the data plane may pass traffic again, so evidence after it is recovery. */
    private Instant removalStartedAt;
    /** Set once the fault is on; evaluated on each DURING sample's arrival and on the tick, under its own lock. */
    private volatile GuardrailEvaluator guardrails;
    private final Object guardrailLock = new Object();
    /**
     * When the last request that the fault's place answered (its apply, then each renewal) was sent: the place's lease
     * runs at least a ttl from there, so a renewal that fails before that is tried again rather than ending the run.
     */
    private volatile Instant leaseAnsweredFrom;

    public InjectionRun(RunRequest run, Prober prober, InjectionEvents events, RunStore store, RunMetrics metrics,
                        Timings timings, Clock clock) {
        this.run = run;
        this.events = events;
        this.store = store;
        this.metrics = metrics;
        this.timings = timings;
        this.clock = clock;
        this.scheduler = Executors.newScheduledThreadPool(3, r -> {
            Thread t = new Thread(r, "run-" + run.injectionId().toString().substring(0, 8));
            t.setDaemon(true);
            return t;
        });
        this.evidence = new EvidenceCollector(prober, scheduler,
                (sequence, phase, samples) -> events.evidence(run, sequence, phase, samples), run.experimentId(),
                run.cause().getTraceparent(), this::sampleArrived);
    }

    /** Asks the run to stop (halt, shutdown); the first cause wins. */
    public void stop(StopCause cause) {
        stop.complete(cause);
    }

    public RunRequest request() {
        return run;
    }

    public ExperimentPhase phase() {
        return evidence.phase();
    }

    public long samples() {
        return evidence.sampleCount();
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant deadline() {
        return deadline;
    }

    /**
     * Runs the whole lifecycle on the calling thread and returns how it ended: InjectionStopped is published, or
     * InjectionRefused when the fault was never applied (stopped during BEFORE, or its stop action could not be
     * rehearsed in its place).
     */
    public RunOutcome execute() {
        try {
            evidence.start(run.hypothesis().getProbes(), timings.batch());
            StopCause early = await(timings.before());
            evidence.flush();
            if (early != null) {
                return refuse(RefusalReason.STOPPED_BEFORE_START, "stopped before the fault was applied ("
                        + early.reason() + "): " + early.detail());
            }
            String stopAction;
            try {
                stopAction = run.fault().rehearse();
            } catch (RuntimeException e) {
                return refuse(RefusalReason.REHEARSAL_FAILED, "the stop action could not be rehearsed on "
                        + run.fault().where() + ", so nothing was applied: " + e.getMessage());
            }
            RunOutcome outcome = inject(stopAction);
            evidence.phase(ExperimentPhase.AFTER);
            pause(timings.after());
            evidence.finish(Duration.ofSeconds(1));
            RunOutcome done = withBatches(outcome, evidence.batches());
            events.stopped(run, done);
            forget(); // only once InjectionStopped is out: otherwise the next start reports the run LOST
            LOG.info("injection {} of {} stopped: {} ({})", run.injectionId(), run.experimentId(), done.reason(), done.detail());
            return done;
        } finally {
            scheduler.shutdownNow();
        }
    }

    private RunOutcome refuse(RefusalReason reason, String detail) {
        evidence.finish(Duration.ofSeconds(1));
        events.refused(Refusal.of(run, reason, detail, evidence.batches()));
        LOG.warn("injection {} of {} refused ({}): {}", run.injectionId(), run.experimentId(), reason, detail);
        Instant now = clock.instant();
        return new RunOutcome(StopReason.REFUSED, null, null, detail, now, now, true, evidence.batches(), null, null, now);
    }

    private RunOutcome inject(String stopAction) {
        Fault fault = run.fault();
        boolean applied = false;
        StopCause cause;
        try {
            startedAt = clock.instant();
            store.recordActive(RunStore.ActiveRecord.of(run.injectionId(), run.experimentId(), run.holder(), startedAt,
                    run.cause()));
            applied = true; // from here on the fault may exist: the finally removes it whatever happens
            leaseAnsweredFrom = clock.instant();
            evidence.changing();
            fault.apply();
            deadline = startedAt.plusMillis(run.hypothesis().getScenario().getDurationMillis());
            // the lease runs out a ttl after the apply, however long InjectionStarted takes to publish: its renewals
            // start now, not after the brokers have answered
            keepLeased(fault);
            events.started(run, clock.instant().plus(timings.leaseTtl()), deadline, true);
            evidence.phase(ExperimentPhase.DURING);
            LOG.info("injection {} of {} started on {} until {} ({})", run.injectionId(), run.experimentId(),
                    fault.where(), deadline, stopAction);
            watch();
            cause = stop.get();
        } catch (Exception e) {
            LOG.error("injection {} failed: {}", run.injectionId(), e.toString());
            cause = StopCause.of(StopReason.FAILED, "injection failed: " + e.getMessage());
            stop.complete(cause);
        } finally {
            if (applied) {
                removeAndRecord(fault);
            }
        }
        return stopped(stop.join());
    }

    private void removeAndRecord(Fault fault) {
        removalStartedAt = clock.instant();
        // a probe answered from here on may have been served with the fault gone or still there: evidence of neither
        evidence.changing();
        rollbackVerified = removeVerified(fault);
        removedAt = clock.instant();
        evidence.phase(ExperimentPhase.AFTER);
    }

    /** Removes the fault, retrying a failed request a few times; true once its place confirms nothing is left. */
    private boolean removeVerified(Fault fault) {
        for (int attempt = 1; attempt <= REMOVE_ATTEMPTS; attempt++) {
            try {
                return fault.remove();
            } catch (RuntimeException e) {
                LOG.warn("removing the fault of {} from {} failed (attempt {}/{}): {}", run.holder(), fault.where(), attempt,
                        REMOVE_ATTEMPTS, e.getMessage());
            }
        }
        return false;
    }

    /**
     * Forgets the run's active row: a row left behind would make the next start report this stopped run LOST — a
     * second InjectionStopped (the reliability suite's Cassandra outage left one). When the store does not answer now,
     * the store forgets it at this instance's next heartbeat that reaches it ({@link RunStore#removeActive}).
     */
    private void forget() {
        if (startedAt == null) {
            return;
        }
        try {
            store.removeActive(run.injectionId());
        } catch (RuntimeException e) {
            LOG.warn("cannot forget active injection {} now ({}): it is forgotten at the next heartbeat that reaches the"
                    + " store", run.injectionId(), e.getMessage());
        }
    }

    /** The lease's renewal, from the moment the fault is applied. */
    private void keepLeased(Fault fault) {
        long renew = timings.leaseRenew().toMillis();
        scheduler.scheduleAtFixedRate(() -> renew(fault), renew, renew, TimeUnit.MILLISECONDS);
    }

    /** The deadline and guardrail evaluation while the fault is on, once InjectionStarted is out. */
    private void watch() {
        // rounded up: a timer that fires a fraction of a millisecond early would stop the fault before its deadline
        long untilDeadline = Math.max(0, (Duration.between(clock.instant(), deadline).toNanos() + 999_999) / 1_000_000);
        scheduler.schedule(() -> stop(StopCause.of(StopReason.COMPLETED, "deadline reached after "
                + run.hypothesis().getScenario().getDurationMillis() + " ms")), untilDeadline, TimeUnit.MILLISECONDS);
        guardrails = new GuardrailEvaluator(run.hypothesis().getGuardrails().stream()
                .map(g -> GuardrailRule.of(g, maxSilence(g.getProbeId()))).toList(), startedAt);
        long every = timings.guardrailInterval().toMillis();
        scheduler.scheduleAtFixedRate(this::checkGuardrails, every, every, TimeUnit.MILLISECONDS);
    }

    /** The silence after which a guardrail is blind: the setting, or two of its probe's intervals if that is longer. */
    private Duration maxSilence(String probeId) {
        long interval = run.hypothesis().getProbes().stream().filter(p -> p.getProbeId().equals(probeId))
                .mapToLong(ProbeSpec::getIntervalMillis).max().orElse(0);
        Duration twoIntervals = Duration.ofMillis(2 * interval);
        return twoIntervals.compareTo(timings.guardrailMaxSilence()) > 0 ? twoIntervals : timings.guardrailMaxSilence();
    }

    /** A DURING sample arrived: a first breaching sample with no sustain stops the run now, not at the next tick. */
    private void sampleArrived() {
        if (guardrails != null) {
            checkGuardrails();
        }
    }

    /** One evaluation while the fault is on; a breach stops the run unless another cause already has. */
    private void checkGuardrails() {
        synchronized (guardrailLock) {
            if (stop.isDone()) {
                return;
            }
            metrics.guardrailsEvaluated();
            guardrails.evaluate(evidence.duringSamples(), clock.instant()).ifPresent(breach -> {
                if (stop.complete(StopCause.guardrail(breach))) {
                    metrics.guardrailBreached(breach);
                }
            });
        }
    }

    /**
     * One renewal. The fault's place saying it no longer holds the fault ends the run at once. A renewal that fails
     * (unreachable, timed out, refused) while the lease still runs is tried again at the next period: on a crowded
     * machine one late answer is not a lost fault. Once a ttl has passed since the last answered request, the place
     * has removed the fault by its own clock and the run ends FAILED.
     */
    private void renew(Fault fault) {
        if (stop.isDone()) {
            return;
        }
        Instant sent = clock.instant();
        try {
            if (!fault.renew()) {
                stop(StopCause.of(StopReason.FAILED, "lease renewal failed: " + fault.where()
                        + " no longer holds the fault of " + run.holder() + " (lease expired)"));
                return;
            }
            leaseAnsweredFrom = sent;
        } catch (RuntimeException e) {
            Instant lapses = leaseAnsweredFrom.plus(timings.leaseTtl());
            if (clock.instant().isBefore(lapses)) {
                LOG.warn("injection {}: lease renewal failed ({}); the lease holds until {} at least, trying again",
                        run.injectionId(), e.getMessage(), lapses);
                return;
            }
            stop(StopCause.of(StopReason.FAILED, "lease renewal failed: " + e.getMessage() + " (nothing renewed for "
                    + Duration.between(leaseAnsweredFrom, clock.instant()).toMillis() + " ms, past the lease's "
                    + timings.leaseTtl().toMillis() + " ms)"));
        }
    }

    private StopCause await(Duration length) {
        try {
            return stop.get(length.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (Exception e) {
            return StopCause.of(StopReason.FAILED, e.toString());
        }
    }

    private static void pause(Duration length) {
        try {
            Thread.sleep(length.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private RunOutcome stopped(StopCause cause) {
        String detail = cause.detail();
        if (cause.breach() != null) {
            detail += "; condition true since " + cause.breach().conditionSince() + ", detected at "
                    + cause.breach().detectedAt() + ", fault removed "
                    + Duration.between(cause.breach().detectedAt(), removedAt).toMillis() + " ms after detection";
        }
        detail += rollbackVerified ? "; fault removed and verified gone"
                : "; fault removal NOT verified (its lease expires it, or its place undoes it when it is back)";
        String removal = removalStarted() ? run.fault().removalDetail() : "";
        if (!removal.isEmpty()) {
            detail += " (" + removal + ")";
        }
        return new RunOutcome(cause.reason(), cause.breach() == null ? null : cause.breach().rule().id(),
                cause.breach() == null ? null : cause.breach().observed(), detail, startedAt, removalStartedAt, rollbackVerified, 0,
                cause.breach() == null ? null : cause.breach().detectedAt(),
                cause.breach() == null ? null : cause.breach().conditionSince(), removedAt);
    }

    private boolean removalStarted() {
        return removalStartedAt != null;
    }

    private static RunOutcome withBatches(RunOutcome o, long batches) {
        return new RunOutcome(o.reason(), o.guardrailId(), o.observed(), o.detail(), o.startedAt(), o.stoppedAt(),
                o.rollbackVerified(), batches, o.breachDetectedAt(), o.conditionSince(), o.removedAt());
    }
}
