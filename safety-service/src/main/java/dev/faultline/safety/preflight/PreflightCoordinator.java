package dev.faultline.safety.preflight;

import dev.faultline.kit.clearance.ClearanceSigner;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.safety.plan.ApprovedPlan;
import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.plan.PlanBook;
import dev.faultline.safety.records.SafetyLog;
import dev.faultline.schemas.avro.Actor;
import dev.faultline.schemas.avro.Clearance;
import dev.faultline.schemas.avro.EventHeader;
import dev.faultline.schemas.avro.ExperimentScheduled;
import dev.faultline.schemas.avro.PreflightBlocked;
import dev.faultline.schemas.avro.PreflightPassed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the preflight of an experiment's approved revision and records the decision in the {@link SafetyLog}:
 * ExperimentScheduled then PreflightPassed with a signed clearance, or PreflightBlocked with every check. One
 * preflight at a time per experiment, and a revision already cleared is never cleared again (its result is returned
 * instead). What it returns is read from the event it published, exactly as a rebuild from the topic reads it.
 */
public final class PreflightCoordinator {

    private static final Logger LOG = LoggerFactory.getLogger(PreflightCoordinator.class);

    /** The approved plan is missing: nothing to check yet. */
    public static final class NotApprovedException extends RuntimeException {
        NotApprovedException(String message) {
            super(message);
        }
    }

    private final PlanBook plans;
    private final PreflightResults results;
    private final Preflight preflight;
    private final ClearanceSigner signer;
    private final SafetyLog log;
    private final PreflightMetrics metrics;
    private final Clock clock;
    private final Actor service;
    private final Duration clearanceTtl;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public PreflightCoordinator(PlanBook plans, PreflightResults results, Preflight preflight, ClearanceSigner signer,
                                SafetyLog log, PreflightMetrics metrics, Clock clock, String serviceName,
                                Duration clearanceTtl) {
        this.plans = plans;
        this.results = results;
        this.preflight = preflight;
        this.signer = signer;
        this.log = log;
        this.metrics = metrics;
        this.clock = clock;
        this.service = Actors.service(serviceName);
        this.clearanceTtl = clearanceTtl;
    }

    /** Runs the preflight a PlanApproved asks for, unless this revision was already checked (redelivery). */
    public void onPlanApproved(String experimentId, int revision, EventHeader cause) throws InterruptedException {
        synchronized (lock(experimentId)) {
            if (results.latest(experimentId).filter(r -> r.revision() == revision).isPresent()
                    || results.clearedRevision(experimentId, revision).isPresent()) {
                LOG.info("preflight of {} revision {} already ran; PlanApproved ignored", experimentId, revision);
                return;
            }
            run(experimentId, cause);
        }
    }

    /**
     * Runs (or reruns) the preflight of the approved revision; returns the existing result if it is cleared. With no
     * {@code cause} (a rerun asked over HTTP) the decision answers the revision's draft, so that it stays in the
     * experiment's trace.
     */
    public PreflightRecord run(String experimentId, EventHeader cause) throws InterruptedException {
        synchronized (lock(experimentId)) {
            ApprovedPlan approved = plans.approvedPlan(experimentId).orElseThrow(() -> new NotApprovedException(
                    "no plan of " + experimentId + " has been approved in review yet"));
            Plan plan = approved.plan();
            Optional<PreflightRecord> cleared = results.clearedRevision(experimentId, plan.revision());
            if (cleared.isPresent()) {
                return cleared.get();
            }
            PreflightOutcome outcome = preflight.run(plan, approved.proposer());
            EventHeader answered = cause != null ? cause : plans.draftHeader(experimentId, plan.revision()).orElse(null);
            return outcome.passed() ? clear(outcome, answered) : block(outcome, answered);
        }
    }

    private PreflightRecord clear(PreflightOutcome outcome, EventHeader cause) {
        Plan plan = outcome.plan();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        log.record(ExperimentScheduled.newBuilder().setHeader(header(plan.experimentId(), cause))
                .setRevision(plan.revision()).setEnvironment(plan.environment())
                .setWindowStart(outcome.windowStart()).setWindowEnd(outcome.windowEnd())
                .setReason("preflight passed: runs now for " + plan.durationMillis() / 1000 + " s").build());
        Clearance clearance = signer.signed(plan.experimentId(), Clearance.newBuilder().setClearanceId(UUID.randomUUID())
                .setHypothesisRevision(plan.revision()).setEnvironment(plan.environment()).setIssuedAt(now)
                .setExpiresAt(now.plus(clearanceTtl)).setSignature(null).setOnCall(outcome.onCall()).build());
        PreflightPassed event = PreflightPassed.newBuilder().setHeader(header(plan.experimentId(), cause))
                .setRevision(plan.revision()).setClearance(clearance)
                .setChecks(CheckResults.toAvro(outcome.checks(), now)).build();
        PreflightRecord record = PreflightRecord.of(log.record(event));
        metrics.decided(true);
        LOG.info("{} revision {} cleared ({})", plan.experimentId(), plan.revision(), clearance.getClearanceId());
        return record;
    }

    private PreflightRecord block(PreflightOutcome outcome, EventHeader cause) {
        Plan plan = outcome.plan();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        PreflightBlocked event = PreflightBlocked.newBuilder().setHeader(header(plan.experimentId(), cause))
                .setRevision(plan.revision()).setChecks(CheckResults.toAvro(outcome.checks(), now))
                .setSummary(outcome.summary()).build();
        PreflightRecord record = PreflightRecord.of(log.record(event));
        metrics.decided(false);
        LOG.info("{} revision {} {}", plan.experimentId(), plan.revision(), outcome.summary());
        return record;
    }

    private EventHeader header(String experimentId, EventHeader cause) {
        return cause == null ? EventHeaders.first(experimentId, service, clock)
                : EventHeaders.answering(cause, service, clock);
    }

    private Object lock(String experimentId) {
        return locks.computeIfAbsent(experimentId, id -> new Object());
    }
}
