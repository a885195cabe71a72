package dev.faultline.cli.replay;

import dev.faultline.evaluation.Readiness;
import dev.faultline.evaluation.Verdict;
import dev.faultline.evaluation.VerdictDiff;
import dev.faultline.schemas.avro.Clearance;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.EvidenceCaptured;
import dev.faultline.schemas.avro.ExperimentPhase;
import dev.faultline.schemas.avro.ExperimentProposed;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.InjectionRefused;
import dev.faultline.schemas.avro.InjectionStarted;
import dev.faultline.schemas.avro.InjectionStopped;
import dev.faultline.schemas.avro.PreflightPassed;
import dev.faultline.schemas.avro.StopReason;
import dev.faultline.schemas.avro.VerdictIssued;
import dev.faultline.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.apache.avro.specific.SpecificRecord;

/**
 * Rebuilds each experiment's decision trail from the events in record order and checks it: every clearance's
 * signature, that every fault started under a recorded, unexpired clearance, and every verdict recomputed from the
 * recorded hypothesis and evidence ({@link Recompute}). An injection's evidence is held until its verdict is checked,
 * then released, keeping counts only. Signatures and recomputations run on one worker per core, at most four per
 * core at a time; their results join the trails in the order the events came, so a report never depends on timing.
 */
final class Auditor {

    private static final Set<String> TRAIL_TOPICS = Set.of(Topics.PROPOSALS.name(), Topics.HYPOTHESES.name(),
            Topics.SAFETY.name(), Topics.INJECTIONS.name(), Topics.EVIDENCE.name(), Topics.VERDICTS.name(),
            Topics.CONTROL.name());
    private static final int REASONS_KEPT = 5;

    private final ReplayFilter filter;
    private final ClearanceCheck clearances;
    private final Policy policy;
    private final Duration startWithin;
    private final Map<String, ExperimentTrail> trails = new LinkedHashMap<>();
    private final Set<String> excluded = new HashSet<>();
    /** Verdicts whose announced evidence has not all been read yet, by injection. */
    private final Map<UUID, VerdictIssued> waiting = new LinkedHashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Long> eventsByTopic = new TreeMap<>();
    private final List<String> undecodableReasons = new ArrayList<>();
    /** Checks running on the workers, in the order they were started; their results join the trail at the end. */
    private final List<Future<Runnable>> running = new ArrayList<>();
    private final ExecutorService workers;
    /** At most this many injections' evidence is held by checks still running. */
    private final Semaphore inFlight;
    private long events;
    private long undecodable;
    private long checked;
    private long reproduced;

    /**
     * @param policy      what-if thresholds and guardrails, or null
     * @param startWithin how long analysis-service lets a clearance wait for its injection to start (its
     *                    {@code faultline.analysis.start-within-millis}): when a never-started verdict was issued
     */
    Auditor(ReplayFilter filter, ClearanceCheck clearances, Policy policy, Duration startWithin) {
        this.filter = filter;
        this.clearances = clearances;
        this.policy = policy;
        this.startWithin = startWithin;
        int cores = Runtime.getRuntime().availableProcessors();
        this.workers = Executors.newFixedThreadPool(cores, task -> {
            Thread thread = new Thread(task, "faultline-replay-check");
            thread.setDaemon(true);
            return thread;
        });
        this.inFlight = new Semaphore(4 * cores);
    }

    void accept(TopicScan.Scanned record) {
        events++;
        eventsByTopic.merge(record.topic(), 1L, Long::sum);
        if (record.event() == null) {
            undecodable++;
            if (undecodableReasons.size() < REASONS_KEPT) {
                undecodableReasons.add(record.topic() + "/" + record.partition() + "@" + record.offset() + ": "
                        + record.undecodable());
            }
            return;
        }
        if (!TRAIL_TOPICS.contains(record.topic())) {
            return; // the catalog, calendar, incidents, targets, failure modes, follow-ups and DLQ: read and counted
        }
        SpecificRecord event = record.event();
        EventHeader header = (EventHeader) event.get(event.getSchema().getField("header").pos());
        String experimentId = header.getExperimentId();
        if (experimentId == null || experimentId.isEmpty() || excluded.contains(experimentId)) {
            return;
        }
        ExperimentTrail trail = trails.get(experimentId);
        if (trail == null) {
            if (!filter.admitsId(experimentId) || !filter.admitsFirstEvent(header.getOccurredAt())) {
                excluded.add(experimentId);
                return;
            }
            trail = new ExperimentTrail(experimentId, header.getOccurredAt());
            trails.put(experimentId, trail);
        }
        String service = serviceOf(event);
        if (service != null && trail.service == null) {
            trail.service = service;
            if (!filter.admitsService(service)) {
                trails.remove(experimentId);
                excluded.add(experimentId);
                return;
            }
        }
        record(trail, event, header.getOccurredAt());
    }

    private void record(ExperimentTrail trail, SpecificRecord event, Instant at) {
        trail.entries.addAll(Entries.of(event, at));
        if (event instanceof HypothesisDrafted drafted) {
            trail.revisions.put(drafted.getRevision(), drafted.getHypothesis());
        } else if (event instanceof PreflightPassed passed) {
            cleared(trail, passed, at);
        } else if (event instanceof InjectionStarted started) {
            trail.injection(started.getInjectionId()).started = started;
            faultCleared(trail, started);
        } else if (event instanceof InjectionStopped stopped) {
            trail.injection(stopped.getInjectionId()).stopped = stopped;
        } else if (event instanceof InjectionRefused refused) {
            trail.injection(refused.getInjectionId()).refused = refused;
        } else if (event instanceof EvidenceCaptured batch && batch.getInjectionId() != null) {
            trail.injection(batch.getInjectionId()).add(batch);
            VerdictIssued pending = waiting.get(batch.getInjectionId());
            if (pending != null && evidenceComplete(trail, pending)) {
                waiting.remove(batch.getInjectionId());
                check(trail, pending);
            }
        } else if (event instanceof VerdictIssued issued) {
            if (evidenceComplete(trail, issued)) {
                check(trail, issued);
            } else {
                waiting.put(issued.getInjectionId(), issued);
            }
        }
    }

    private void cleared(ExperimentTrail trail, PreflightPassed passed, Instant at) {
        Clearance clearance = passed.getClearance();
        trail.clearances.put(clearance.getClearanceId(), passed);
        int line = trail.entries.size();
        trail.entries.add(null); // the signature check's line, once a worker has verified it
        submit(() -> {
            String rejection = clearances.rejection(trail.experimentId, clearance);
            return () -> {
                trail.entries.set(line, clearanceEntry(passed, at, rejection));
                if (rejection != null) {
                    findings.add(Finding.of(trail.experimentId, null, Finding.Kind.CLEARANCE_NOT_GENUINE, rejection));
                }
            };
        });
    }

    private static TrailEntry clearanceEntry(PreflightPassed passed, Instant at, String rejection) {
        Clearance clearance = passed.getClearance();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("revision", String.valueOf(clearance.getHypothesisRevision()));
        details.put("environment", String.valueOf(clearance.getEnvironment()));
        details.put("issuedAt", String.valueOf(clearance.getIssuedAt()));
        details.put("expiresAt", String.valueOf(clearance.getExpiresAt()));
        details.put("keyId", String.valueOf(clearance.getKeyId()));
        details.put("signature", rejection == null ? "verified (Ed25519)" : "NOT VERIFIED: " + rejection);
        return new TrailEntry(at, "clearance", Entries.actor(passed.getHeader().getActor()), "cleared revision "
                + clearance.getHypothesisRevision() + " (clearance " + clearance.getClearanceId() + ")", details);
    }

    /**
     * Runs {@code check} on a worker (signatures and verdict recomputations are the costly part of a replay); what it
     * returns is applied on this thread at the end, in the order the checks were started, so the report does not
     * depend on timing. Blocks while too many checks hold evidence.
     */
    private void submit(Callable<Runnable> check) {
        inFlight.acquireUninterruptibly();
        running.add(workers.submit(() -> {
            try {
                return check.call();
            } finally {
                inFlight.release();
            }
        }));
    }

    private void faultCleared(ExperimentTrail trail, InjectionStarted started) {
        PreflightPassed passed = trail.clearances.get(started.getClearanceId());
        if (passed == null) {
            findings.add(Finding.of(trail.experimentId, started.getInjectionId(), Finding.Kind.FAULT_NOT_CLEARED,
                    "injection " + started.getInjectionId() + " started under clearance " + started.getClearanceId()
                            + ", which is not on faultline.safety"));
        } else if (started.getHeader().getOccurredAt().isAfter(passed.getClearance().getExpiresAt())) {
            findings.add(Finding.of(trail.experimentId, started.getInjectionId(), Finding.Kind.FAULT_NOT_CLEARED,
                    "injection " + started.getInjectionId() + " started at " + started.getHeader().getOccurredAt()
                            + ", after its clearance expired at " + passed.getClearance().getExpiresAt()));
        }
    }

    /** Whether every batch the stop announced has been read (a verdict without a stop judges what there is). */
    private static boolean evidenceComplete(ExperimentTrail trail, VerdictIssued issued) {
        InjectionRecord injection = issued.getInjectionId() == null ? null : trail.injections.get(issued.getInjectionId());
        return injection == null || injection.stopped == null || issued.getStopReason() == StopReason.LOST
                || Readiness.complete(injection.stopped, injection.sequences());
    }

    private void check(ExperimentTrail trail, VerdictIssued issued) {
        checked++;
        VerdictInputs.Found found = VerdictInputs.of(trail, issued, startWithin);
        InjectionRecord injection = issued.getInjectionId() == null ? null : trail.injections.get(issued.getInjectionId());
        if (found.inputs() == null) {
            trail.verdicts.add(new ExperimentTrail.CheckedVerdict(issued.getInjectionId(), issued.getRevision(), "",
                    issued.getOutcome(), null, issued.getSummary(), List.of()));
            findings.add(Finding.of(trail.experimentId, issued.getInjectionId(), Finding.Kind.VERDICT_UNCHECKABLE,
                    "the verdict " + issued.getOutcome() + " cannot be recomputed: " + found.missing()
                            + " is not on the topics"));
        } else {
            submit(() -> recompute(trail, issued, found));
        }
        if (injection != null) {
            if (injection.stopped != null && !Readiness.complete(injection.stopped, injection.sequences())) {
                findings.add(Finding.of(trail.experimentId, injection.injectionId, Finding.Kind.EVIDENCE_MISSING,
                        "the stop announced " + injection.stopped.getEvidenceBatches() + " evidence batches; the topic "
                                + "holds sequences " + new TreeSet<>(injection.sequences())));
            }
            trail.entries.add(evidenceEntry(issued, injection));
            injection.release(); // the running check holds the evidence it judges until it is done
        }
        trail.entries.add(TrailEntry.of(issued.getHeader().getOccurredAt(), "verdict",
                Entries.actor(issued.getHeader().getActor()), issued.getOutcome() + ": " + issued.getSummary()));
    }

    /** On a worker: the verdict recomputed and compared field by field, and the policy's what-if. */
    private Runnable recompute(ExperimentTrail trail, VerdictIssued issued, VerdictInputs.Found found) {
        Verdict recomputed = Recompute.verdict(found.inputs(), Verdict.of(issued).confidenceLevel());
        List<VerdictDiff.Difference> differences = VerdictDiff.differences(Verdict.of(issued), recomputed);
        Optional<ExperimentTrail.PolicyOutcome> whatIf = policy == null ? Optional.empty()
                : PolicyReplay.of(policy, trail, issued, found);
        String rule = found.rule(); // the result keeps no evidence
        return () -> {
            trail.verdicts.add(new ExperimentTrail.CheckedVerdict(issued.getInjectionId(), issued.getRevision(),
                    rule, issued.getOutcome(), recomputed.outcome(), issued.getSummary(), differences));
            if (differences.isEmpty()) {
                reproduced++;
            }
            differences.forEach(d -> findings.add(new Finding(trail.experimentId, issued.getInjectionId(),
                    Finding.Kind.VERDICT_MISMATCH, d.field(), String.valueOf(d.recorded()),
                    String.valueOf(d.recomputed()), "the recorded verdict's " + d.field()
                    + " differs from the one its recorded evidence gives")));
            whatIf.ifPresent(trail.policy::add);
        };
    }

    private static TrailEntry evidenceEntry(VerdictIssued issued, InjectionRecord injection) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("batches", String.valueOf(injection.batches));
        for (ExperimentPhase phase : ExperimentPhase.values()) {
            Long samples = injection.samplesByPhase().get(phase);
            if (samples != null) {
                details.put(phase + " samples", String.valueOf(samples));
            }
        }
        if (injection.firstSample != null) {
            details.put("from", Instant.ofEpochMilli(injection.firstSample).toString());
            details.put("to", Instant.ofEpochMilli(injection.lastSample).toString());
        }
        return new TrailEntry(issued.getHeader().getOccurredAt(), "evidence", "", injection.batches
                + " evidence batches of injection " + injection.injectionId, details);
    }

    /**
     * Checks what still waits for evidence (reporting the missing batches), waits for the running checks and returns
     * what the replay found.
     *
     * @param started {@link System#nanoTime()} when the replay began
     */
    ReplayResult finish(long started) {
        for (VerdictIssued pending : List.copyOf(waiting.values())) {
            check(trails.get(pending.getHeader().getExperimentId()), pending);
        }
        waiting.clear();
        try {
            for (Future<Runnable> check : running) {
                check.get().run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a check failed: " + e.getCause(), e.getCause());
        } finally {
            workers.shutdownNow();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        for (ExperimentTrail trail : trails.values()) {
            for (InjectionRecord injection : trail.injections.values()) {
                if (injection.batchesAfterVerdict > 0) {
                    trail.entries.add(TrailEntry.of(null, "evidence", "", injection.batchesAfterVerdict
                            + " evidence batches of injection " + injection.injectionId + " were recorded after its"
                            + " verdict (not judged by it)"));
                }
            }
        }
        List<ExperimentTrail> ordered = new ArrayList<>(trails.values());
        ordered.sort(Comparator.comparing(t -> t.firstAt));
        return new ReplayResult(ordered, List.copyOf(findings), Map.copyOf(eventsByTopic), events, undecodable,
                List.copyOf(undecodableReasons), checked, reproduced, elapsed, policy != null);
    }

    private static String serviceOf(SpecificRecord event) {
        if (event instanceof ExperimentProposed p) {
            return p.getService();
        }
        if (event instanceof HypothesisDrafted d) {
            return d.getHypothesis().getService();
        }
        if (event instanceof VerdictIssued v) {
            return v.getService();
        }
        return event instanceof InjectionRefused r ? r.getService() : null;
    }

}
