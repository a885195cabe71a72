package dev.faultline.safety.preflight;

import dev.faultline.kit.clearance.ClearanceSigner;
import dev.faultline.kit.events.Actors;
import dev.faultline.kit.events.EventHeaders;
import dev.faultline.safety.plan.ApprovedPlan;
import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.plan.PlanBook;
import dev.faultline.safety.records.SafetyLog;
import dev.faultline.safety.schedule.ScheduleBook;
import dev.faultline.safety.schedule.ScheduleWindow;
import dev.faultline.safety.schedule.ScheduleWindowRule;
import dev.faultline.safety.schedule.ScheduledStart;
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
import java.util.List;
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
 * A clearance is only issued once its experiment holds its service ({@link Preflight#lostService}): of two
 * experiments on one service passing their preflights at once, on this instance or another, one is blocked. And
 * only one clearance is issued per revision across instances ({@link RevisionClaims}): an instance that finds another
 * instance's clearance named first returns that one's result once it is recorded; none is issued while another
 * instance moves the window, or for a window moved while the preflight ran.
 * <p>
 * A plan whose proposal asked for a start or a window is <em>deferred</em>: its approval publishes a deferred
 * ExperimentScheduled (with what the time checks already know about that window) and no preflight; the
 * {@code ScheduledStarts} tick runs it once the window starts, and blocks it for good when the window ends. A
 * window can be moved until the preflight passes; since a clearance is only ever issued inside the window (and
 * expires by its latest start), moving never leaves a usable clearance for the old one, and a revision already
 * cleared cannot be moved.
 */
public final class PreflightCoordinator {

    private static final Logger LOG = LoggerFactory.getLogger(PreflightCoordinator.class);

    /** The approved plan is missing: nothing to check yet. */
    public static final class NotApprovedException extends RuntimeException {
        NotApprovedException(String message) {
            super(message);
        }
    }

    /** The experiment is deferred and its window has not started, or has ended: no preflight runs now. */
    public static final class NotDueException extends RuntimeException {
        NotDueException(String message) {
            super(message);
        }
    }

    /** The approved revision is cleared already: its clearance may be in use, so its window cannot move. */
    public static final class AlreadyClearedException extends RuntimeException {
        AlreadyClearedException(String message) {
            super(message);
        }
    }

    /** An instance that lost a revision's clearance to another waits this long for the other's record. */
    static final Duration OTHERS_RECORD_WAIT = Duration.ofSeconds(10);
    private static final Duration OTHERS_RECORD_POLL = Duration.ofMillis(100);

    /**
     * Another instance is clearing this revision and its record was not written within {@link #OTHERS_RECORD_WAIT}:
     * ask again for the result in a moment.
     */
    public static final class ClearedElsewhereException extends RuntimeException {
        ClearedElsewhereException(String message) {
            super(message);
        }
    }

    private final PlanBook plans;
    private final PreflightResults results;
    private final RevisionClaims revisions;
    private final Preflight preflight;
    private final ClearanceSigner signer;
    private final SafetyLog log;
    private final PreflightMetrics metrics;
    private final Clock clock;
    private final Actor service;
    private final Duration clearanceTtl;
    private final ScheduleBook schedules;
    private final Duration startGrace;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public PreflightCoordinator(PlanBook plans, PreflightResults results, RevisionClaims revisions, Preflight preflight,
                                ClearanceSigner signer, SafetyLog log, PreflightMetrics metrics, Clock clock,
                                String serviceName, Duration clearanceTtl, ScheduleBook schedules, Duration startGrace) {
        this.plans = plans;
        this.results = results;
        this.revisions = revisions;
        this.preflight = preflight;
        this.signer = signer;
        this.log = log;
        this.metrics = metrics;
        this.clock = clock;
        this.service = Actors.service(serviceName);
        this.clearanceTtl = clearanceTtl;
        this.schedules = schedules;
        this.startGrace = startGrace;
    }

    /**
     * Runs the preflight a PlanApproved asks for, unless this revision was already checked or scheduled (redelivery);
     * a deferred plan (a requested window, or a window it was moved to) is scheduled instead.
     */
    public void onPlanApproved(String experimentId, int revision, EventHeader cause) throws InterruptedException {
        synchronized (lock(experimentId)) {
            Optional<ScheduledStart> scheduled = schedules.find(experimentId);
            if (results.latest(experimentId).filter(r -> r.revision() == revision).isPresent()
                    || results.clearedRevision(experimentId, revision).isPresent()
                    || scheduled.filter(s -> s.revision() == revision).isPresent()) {
                LOG.info("preflight of {} revision {} already ran or is scheduled; PlanApproved ignored", experimentId,
                        revision);
                return;
            }
            ApprovedPlan approved = approved(experimentId);
            Plan plan = approved.plan();
            Optional<ScheduledStart> open = scheduled.filter(s -> !s.settled());
            if (open.isPresent()) {
                schedule(approved, open.get().window(), header(experimentId, cause),
                        "revision " + revision + " keeps the window of revision " + open.get().revision());
            } else if (plan.requestsWindow()) {
                ScheduleWindow window = ScheduleWindow.requested(plan.requestedStart(), plan.requestedEnd(),
                        plan.durationMillis(), startGrace, clock.instant());
                EventHeader header = header(experimentId, cause);
                schedule(approved, window, header, "the window the proposal asked for");
                if (!window.fits(plan.durationMillis()) || window.ended(clock.instant(), plan.durationMillis())) {
                    // blocked now with its reason, not at a start that cannot lead to a run
                    windowEnded(plan, window, header);
                }
            } else {
                try {
                    run(experimentId, cause);
                } catch (ClearedElsewhereException | NotDueException e) {
                    LOG.info("PlanApproved of {} revision {}: {}", experimentId, revision, e.getMessage());
                }
            }
        }
    }

    /**
     * Moves the window of an approved, not yet cleared experiment (or defers one that was not): publishes a deferred
     * ExperimentScheduled by {@code person}; the preflight then runs at the new start.
     *
     * @param start null: now
     * @param end   null: the start grace after the start, plus the run
     * @throws IllegalArgumentException when the window cannot hold the run or has ended
     */
    public ScheduledStart move(String experimentId, Instant start, Instant end, String person, String why)
            throws InterruptedException {
        synchronized (lock(experimentId)) {
            ApprovedPlan approved = approved(experimentId);
            Plan plan = approved.plan();
            results.clearedRevision(experimentId, plan.revision()).ifPresent(cleared -> {
                throw new AlreadyClearedException("revision " + plan.revision() + " of " + experimentId
                        + " was cleared at " + cleared.checkedAt() + " (clearance " + cleared.clearanceId()
                        + ") and may be running: halt it (faultline halt " + experimentId
                        + ") and propose it again for another time");
            });
            Instant now = clock.instant();
            ScheduleWindow window = ScheduleWindow.requested(start, end, plan.durationMillis(), startGrace, now);
            if (!window.fits(plan.durationMillis()) || window.ended(now, plan.durationMillis())) {
                throw new IllegalArgumentException("the window " + window + " cannot hold a run of "
                        + plan.durationMillis() / 1000 + " s (plus " + ScheduleWindow.SLACK.toSeconds()
                        + " s to stop it) starting at " + (window.started(now) ? "now" : window.start())
                        + ": give a later end");
            }
            // another instance may be clearing it now: the move holds the revision's name while it publishes
            String move = revisions.takeForMove(experimentId, plan.revision(), now).orElseThrow(() ->
                    new AlreadyClearedException("revision " + plan.revision() + " of " + experimentId + " is being"
                            + " cleared now (clearance " + revisions.clearance(experimentId, plan.revision())
                            .orElse("of another move") + "): see its preflight (GET /experiments/" + experimentId
                            + "/preflight); once cleared it may run: halt it and propose it again for another time"));
            try {
                Actor mover = Actors.person(person);
                EventHeader header = plans.draftHeader(experimentId, plan.revision())
                        .map(draft -> EventHeaders.answering(draft, mover, clock))
                        .orElseGet(() -> EventHeaders.first(experimentId, mover, clock));
                schedule(approved, window, header, "moved by " + person + (why == null || why.isBlank() ? ""
                        : ": " + why));
            } finally {
                revisions.release(experimentId, plan.revision(), move);
            }
            return schedules.find(experimentId).orElseThrow();
        }
    }

    /**
     * The scheduled preflight of a deferred experiment whose window has started (the tick): clears it, or blocks it —
     * publishing only the window's first block, so that retries do not flood the topic —, or, once the window has
     * ended, blocks it for good. Empty when nothing was published.
     */
    public Optional<PreflightRecord> runScheduled(String experimentId) throws InterruptedException {
        synchronized (lock(experimentId)) {
            Optional<ScheduledStart> open = schedules.find(experimentId).filter(s -> !s.settled());
            Optional<ApprovedPlan> approved = plans.approvedPlan(experimentId);
            if (open.isEmpty() || approved.isEmpty()
                    || results.clearedRevision(experimentId, approved.get().plan().revision()).isPresent()) {
                return Optional.empty();
            }
            return Optional.ofNullable(runInWindow(approved.get(), open.get(), null, false));
        }
    }

    /**
     * Runs (or reruns) the preflight of the approved revision; returns the existing result if it is cleared. With no
     * {@code cause} (a rerun asked over HTTP) the decision answers the revision's draft, so that it stays in the
     * experiment's trace.
     */
    public PreflightRecord run(String experimentId, EventHeader cause) throws InterruptedException {
        synchronized (lock(experimentId)) {
            ApprovedPlan approved = approved(experimentId);
            Plan plan = approved.plan();
            Optional<PreflightRecord> cleared = results.clearedRevision(experimentId, plan.revision());
            if (cleared.isPresent()) {
                return cleared.get();
            }
            // an open schedule is this revision's window (an approval carries an open window over to the next
            // revision); a settled one only if it is of this revision — an older revision's ended window is not its
            Optional<ScheduledStart> scheduled = schedules.find(experimentId)
                    .filter(s -> !s.settled() || s.revision() == plan.revision());
            if (scheduled.isPresent()) {
                return runInWindow(approved, scheduled.get(), cause, true);
            }
            PreflightOutcome outcome = preflight.run(plan, approved.proposer());
            EventHeader answered = answered(experimentId, plan, cause);
            return outcome.passed() ? clear(outcome, answered, null) : block(outcome, answered);
        }
    }

    /**
     * The preflight of a deferred experiment, only within its window; null for a retry's block, which is not
     * published when a block of this window already was (unless {@code asked}: a rerun or a sign-off asks for it).
     */
    private PreflightRecord runInWindow(ApprovedPlan approved, ScheduledStart scheduled, EventHeader cause,
                                        boolean asked) throws InterruptedException {
        Plan plan = approved.plan();
        String id = plan.experimentId();
        ScheduleWindow window = scheduled.window();
        Instant now = clock.instant();
        if (scheduled.settled()) {
            throw new NotDueException("the window " + window + " of " + id + " ended without a passing preflight;"
                    + " move it to a new window: POST /experiments/" + id + "/schedule (faultline schedule move)");
        }
        if (!window.started(now)) {
            throw new NotDueException(id + " is scheduled for " + window.start() + ": its preflight runs then"
                    + " (move it with POST /experiments/" + id + "/schedule)");
        }
        EventHeader answered = answered(id, plan, cause);
        if (window.ended(now, plan.durationMillis())) {
            return windowEnded(plan, window, answered);
        }
        PreflightOutcome outcome = preflight.run(plan, approved.proposer(), window);
        if (outcome.passed() && window.ended(clock.instant(), plan.durationMillis())) {
            // the preflight took until the latest start: a clearance now would be born expired
            return windowEnded(plan, window, answered);
        }
        if (outcome.passed()) {
            return clear(outcome, answered, window);
        }
        boolean blockedInWindow = results.latest(id).filter(r -> !r.passed())
                .filter(r -> !r.checkedAt().isBefore(window.start())).isPresent();
        return asked || !blockedInWindow ? block(outcome, answered) : null;
    }

    /**
     * The block that ends a deferred experiment whose window passed without a passing preflight, or that cannot hold
     * the run at all (its SCHEDULE_WINDOW check says which); it settles the schedule until the window is moved.
     */
    private PreflightRecord windowEnded(Plan plan, ScheduleWindow window, EventHeader cause) {
        String last = results.latest(plan.experimentId())
                .filter(r -> !r.passed() && !r.checkedAt().isBefore(window.start()))
                .map(r -> "; the last preflight in the window: " + r.summary()).orElse("");
        CheckResult ended = ScheduleWindowRule.check(window, plan.durationMillis(), clock.instant());
        String summary = PreflightSummary.of(plan.experimentId(), plan.revision(), List.of(ended), List.of()) + last;
        PreflightOutcome outcome = new PreflightOutcome(plan, List.of(ended), window.start(), window.end(), summary);
        return block(outcome, cause);
    }

    /** Publishes a deferred ExperimentScheduled, with what the time checks already know about its start. */
    private void schedule(ApprovedPlan approved, ScheduleWindow window, EventHeader header, String why)
            throws InterruptedException {
        Plan plan = approved.plan();
        List<String> known = preflight.timeChecksAt(plan, approved.proposer(), window.start()).stream()
                .filter(CheckResult::isFailed).map(c -> c.kind() + ": " + c.reason()).toList();
        log.record(ExperimentScheduled.newBuilder().setHeader(header).setRevision(plan.revision())
                .setEnvironment(plan.environment()).setWindowStart(window.start()).setWindowEnd(window.end())
                .setDeferred(true).setReason(why + "; the preflight runs at " + window.start() + ", the run starts by "
                        + window.latestStart(plan.durationMillis())
                        + (known.isEmpty() ? "" : "; already known to block then: " + String.join(" | ", known)))
                .build());
        LOG.info("{} revision {} scheduled for {}", plan.experimentId(), plan.revision(), window);
    }

    private ApprovedPlan approved(String experimentId) {
        return plans.approvedPlan(experimentId).orElseThrow(() -> new NotApprovedException(
                "no plan of " + experimentId + " has been approved in review yet"));
    }

    private EventHeader answered(String experimentId, Plan plan, EventHeader cause) {
        return cause != null ? cause : plans.draftHeader(experimentId, plan.revision()).orElse(null);
    }

    /**
     * Names a clearance for the revision ({@link RevisionClaims}), then takes the service and signs it. Another
     * instance's clearance named first is returned instead; a window that another instance is moving, or moved while
     * this preflight ran, clears nothing ({@link NotDueException}: the preflight runs at the new start).
     *
     * @param window the deferred experiment's window the preflight ran in (its clearance expires by its latest
     *               start), or null when it is not deferred
     */
    private PreflightRecord clear(PreflightOutcome outcome, EventHeader cause, ScheduleWindow window) {
        Plan plan = outcome.plan();
        String id = plan.experimentId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant notAfter = window == null ? null : window.latestStart(plan.durationMillis());
        Instant expires = notAfter == null || now.plus(clearanceTtl).isBefore(notAfter) ? now.plus(clearanceTtl)
                : notAfter.truncatedTo(ChronoUnit.MILLIS);
        UUID clearanceId = UUID.randomUUID();
        String mine = clearanceId.toString();
        Optional<String> other = revisions.take(id, plan.revision(), mine, now, expires.plus(ActiveInjections.GRACE));
        if (other.filter(RevisionClaims::isMove).isPresent()) {
            throw new NotDueException("the window of " + id + " is being moved: its preflight runs at the new start");
        }
        if (other.isPresent()) {
            return clearedElsewhere(plan, other.get());
        }
        Optional<ScheduleWindow> current = schedules.find(id).filter(s -> !s.settled()).map(ScheduledStart::window);
        if (!current.equals(Optional.ofNullable(window))) {
            revisions.release(id, plan.revision(), mine);
            throw new NotDueException("the window of " + id + " was moved to " + current.map(String::valueOf)
                    .orElse("none") + " while its preflight ran: it runs at the new start");
        }
        Optional<PreflightOutcome> lost = preflight.lostService(outcome, expires);
        if (lost.isPresent()) {
            revisions.release(id, plan.revision(), mine);
            return block(lost.get(), cause);
        }
        log.record(ExperimentScheduled.newBuilder().setHeader(header(plan.experimentId(), cause))
                .setRevision(plan.revision()).setEnvironment(plan.environment())
                .setWindowStart(outcome.windowStart()).setWindowEnd(outcome.windowEnd())
                .setReason("preflight passed: runs now for " + plan.durationMillis() / 1000 + " s").build());
        Clearance clearance = signer.signed(plan.experimentId(), Clearance.newBuilder().setClearanceId(clearanceId)
                .setHypothesisRevision(plan.revision()).setEnvironment(plan.environment()).setIssuedAt(now)
                .setExpiresAt(expires).setSignature(null).setOnCall(outcome.onCall()).build());
        PreflightPassed event = PreflightPassed.newBuilder().setHeader(header(plan.experimentId(), cause))
                .setRevision(plan.revision()).setClearance(clearance)
                .setChecks(CheckResults.toAvro(outcome.checks(), now)).build();
        PreflightRecord record = PreflightRecord.of(log.record(event));
        metrics.decided(true);
        LOG.info("{} revision {} cleared ({})", plan.experimentId(), plan.revision(), clearance.getClearanceId());
        return record;
    }

    /** The clearance another instance named first for this revision, once it has recorded it. */
    private PreflightRecord clearedElsewhere(Plan plan, String clearanceId) {
        LOG.info("{} revision {} is cleared by another instance (clearance {}); waiting for its record",
                plan.experimentId(), plan.revision(), clearanceId);
        long deadline = System.nanoTime() + OTHERS_RECORD_WAIT.toNanos();
        do {
            Optional<PreflightRecord> cleared = results.clearedRevision(plan.experimentId(), plan.revision());
            if (cleared.isPresent()) {
                return cleared.get();
            }
            try {
                Thread.sleep(OTHERS_RECORD_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < deadline);
        throw new ClearedElsewhereException("revision " + plan.revision() + " of " + plan.experimentId()
                + " is being cleared by another safety-service instance (clearance " + clearanceId + "), and its"
                + " result was not recorded within " + OTHERS_RECORD_WAIT.toSeconds() + " s: ask for it again in a"
                + " moment (GET /experiments/" + plan.experimentId() + "/preflight); if that instance died before"
                + " recording it, the revision can be cleared again once that clearance would have expired");
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
