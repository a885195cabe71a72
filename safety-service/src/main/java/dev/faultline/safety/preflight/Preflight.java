package dev.faultline.safety.preflight;

import dev.faultline.safety.approval.ApprovalRule;
import dev.faultline.safety.approval.ApprovalSettings;
import dev.faultline.safety.baseline.BaselineHealthCheck;
import dev.faultline.safety.baseline.BaselineSampler;
import dev.faultline.safety.baseline.ProbeMeasurements;
import dev.faultline.safety.calendar.TimeWindowRule;
import dev.faultline.safety.envelope.TimeEnvelope;
import dev.faultline.safety.halt.ActiveHalts;
import dev.faultline.safety.norm.HistoricalNormCheck;
import dev.faultline.safety.norm.NormSettings;
import dev.faultline.safety.plan.ApprovedPlan;
import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.plan.PlanBook;
import dev.faultline.safety.policy.BlastBudgetRule;
import dev.faultline.safety.policy.BlastRadiusRule;
import dev.faultline.safety.policy.EnvironmentPolicy;
import dev.faultline.safety.policy.SafetyPolicy;
import dev.faultline.safety.schedule.ScheduleWindow;
import dev.faultline.safety.schedule.ScheduleWindowRule;
import dev.faultline.safety.staging.StagingFirstRule;
import dev.faultline.safety.staging.StagingFirstSettings;
import dev.faultline.safety.staging.VerdictBook;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.PreflightCheckKind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs every preflight check on one revision of a plan and never stops at the first failure, so that a block
 * reports everything that stands in the way. A check that breaks (an exception) counts as failed with its cause.
 * The experiment's window is now .. now + duration + {@link ScheduleWindow#SLACK} (the time to stop it), as read from
 * the injected clock; a deferred experiment's preflight also checks that it starts within its scheduled window
 * (SCHEDULE_WINDOW), and the time checks can be asked ahead for a window's start ({@link #timeChecksAt}).
 */
public final class Preflight {

    /**
     * One check over the plan, its proposer, its window, the checks of this preflight that ran before it and the
     * HTTP probes as this preflight measures them (each sent once, whichever check asks first).
     */
    @FunctionalInterface
    interface Check {
        CheckResult run(Plan plan, String proposer, Instant start, Instant end, List<CheckResult> earlier,
                        ProbeMeasurements measured) throws Exception;
    }

    private final SafetyPolicy policy;
    private final Clock clock;
    private final PlanBook plans;
    private final VerdictBook verdicts;
    private final BaselineSampler sampler;
    private final ServiceClaims claims;
    private final ActiveInjections injections;
    private final Map<PreflightCheckKind, Check> checks;

    /**
     * @param envelope the calendar, on-call shifts and open incidents (DEPLOYMENT_CALENDAR, ON_CALL, NO_OPEN_INCIDENT)
     * @param plans    the approved plans of the experiments injecting now (their traffic shares, for the blast budget)
     *                 and of the staging experiments whose verdicts STAGING_FIRST reads (their templates)
     * @param verdicts the verdicts issued so far
     * @param norms    HISTORICAL_NORM; where {@code normSettings} ask, a probe without history makes APPROVAL need an
     *                 approver
     * @param sampler  how each preflight measures an HTTP probe, once for BASELINE_HEALTH and HISTORICAL_NORM both
     * @param claims   NO_CONCURRENT_EXPERIMENT for experiments cleared and not started yet, on any instance
     */
    public Preflight(SafetyPolicy policy, TimeEnvelope envelope, ActiveHalts halts, ActiveInjections injections,
                     ServiceClaims claims, BaselineHealthCheck baseline, HistoricalNormCheck norms,
                     BaselineSampler sampler, RollbackDryRun rollback, ApprovalBook approvals,
                     ApprovalSettings approvalSettings, NormSettings normSettings, PlanBook plans, VerdictBook verdicts,
                     StagingFirstSettings stagingFirst, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        this.plans = plans;
        this.verdicts = verdicts;
        this.sampler = sampler;
        this.claims = claims;
        this.injections = injections;
        Map<PreflightCheckKind, Check> all = new EnumMap<>(PreflightCheckKind.class);
        all.put(PreflightCheckKind.BASELINE_HEALTH, (plan, proposer, start, end, earlier, measured) ->
                baseline.check(plan, measured));
        all.put(PreflightCheckKind.TIME_WINDOW, (plan, proposer, start, end, earlier, measured) ->
                TimeWindowRule.check(plan, start, end, envPolicy(plan)));
        all.put(PreflightCheckKind.DEPLOYMENT_CALENDAR, (plan, proposer, start, end, earlier, measured) ->
                envelope.calendar(plan, start, end));
        all.put(PreflightCheckKind.ON_CALL, (plan, proposer, start, end, earlier, measured) ->
                envelope.onCall(plan, start, end));
        all.put(PreflightCheckKind.NO_OPEN_INCIDENT, (plan, proposer, start, end, earlier, measured) ->
                envelope.incidents(plan));
        all.put(PreflightCheckKind.BLAST_RADIUS_POLICY, (plan, proposer, start, end, earlier, measured) ->
                BlastRadiusRule.check(plan, envPolicy(plan)));
        all.put(PreflightCheckKind.ROLLBACK_READY, (plan, proposer, start, end, earlier, measured) ->
                rollback.check(plan));
        all.put(PreflightCheckKind.APPROVAL, (plan, proposer, start, end, earlier, measured) ->
                ApprovalRule.check(plan, proposer, envPolicy(plan), policy,
                        approvals.forExperiment(plan.experimentId()), approvalSettings, start,
                        historyGap(plan, earlier, normSettings)));
        all.put(PreflightCheckKind.HISTORICAL_NORM, (plan, proposer, start, end, earlier, measured) ->
                norms.check(plan, start, measured));
        all.put(PreflightCheckKind.NO_ACTIVE_HALT, (plan, proposer, start, end, earlier, measured) ->
                halts.check(plan.experimentId(), plan.environment()));
        all.put(PreflightCheckKind.NO_CONCURRENT_EXPERIMENT, (plan, proposer, start, end, earlier, measured) -> {
            CheckResult running = injections.check(plan.experimentId(), plan.service(), start);
            return running.isFailed() ? running : claims.check(plan, start);
        });
        all.put(PreflightCheckKind.BLAST_BUDGET, (plan, proposer, start, end, earlier, measured) ->
                BlastBudgetRule.check(plan, envPolicy(plan), runningBeside(plan, start)));
        all.put(PreflightCheckKind.STAGING_FIRST, (plan, proposer, start, end, earlier, measured) ->
                StagingFirstRule.check(plan, envPolicy(plan), stagingFirst.maxAge(), start, stagingRuns(plan)));
        this.checks = Collections.unmodifiableMap(all);
    }

    /**
     * The order checks are run and reported in: cheap rules first, then the ones that call out — but HISTORICAL_NORM
     * before APPROVAL, which reads whether every probe has a history.
     */
    static final List<PreflightCheckKind> ORDER = List.of(PreflightCheckKind.NO_ACTIVE_HALT,
            PreflightCheckKind.BLAST_RADIUS_POLICY, PreflightCheckKind.TIME_WINDOW,
            PreflightCheckKind.DEPLOYMENT_CALENDAR, PreflightCheckKind.ON_CALL, PreflightCheckKind.NO_OPEN_INCIDENT,
            PreflightCheckKind.HISTORICAL_NORM, PreflightCheckKind.APPROVAL, PreflightCheckKind.STAGING_FIRST,
            PreflightCheckKind.NO_CONCURRENT_EXPERIMENT, PreflightCheckKind.BLAST_BUDGET,
            PreflightCheckKind.BASELINE_HEALTH, PreflightCheckKind.ROLLBACK_READY);

    /** The checks about time — allowed hours, calendar, on-call — as they would judge a run starting at {@code start}. */
    static final List<PreflightCheckKind> TIME_CHECKS = List.of(PreflightCheckKind.TIME_WINDOW,
            PreflightCheckKind.DEPLOYMENT_CALENDAR, PreflightCheckKind.ON_CALL);

    public PreflightOutcome run(Plan plan, String proposer) throws InterruptedException {
        return run(plan, proposer, null);
    }

    /** @param scheduled the window a deferred experiment must start in, or null when it runs as soon as cleared */
    public PreflightOutcome run(Plan plan, String proposer, ScheduleWindow scheduled) throws InterruptedException {
        Instant start = clock.instant();
        Instant end = start.plusMillis(plan.durationMillis()).plus(ScheduleWindow.SLACK);
        List<CheckResult> results = new ArrayList<>();
        if (scheduled != null) {
            results.add(ScheduleWindowRule.check(scheduled, plan.durationMillis(), start));
        }
        ProbeMeasurements measured = new ProbeMeasurements(sampler);
        for (PreflightCheckKind kind : ORDER) {
            results.add(runOne(kind, plan, proposer, start, end, List.copyOf(results), measured));
        }
        String summary = PreflightSummary.of(plan.experimentId(), plan.revision(), results, policy.approverList());
        return new PreflightOutcome(plan, results, start, end, summary);
    }

    /**
     * Takes the plan's service for the clearance about to be issued ({@link ServiceClaims}): empty when taken, else
     * the outcome blocked on NO_CONCURRENT_EXPERIMENT because another experiment was cleared on it first, or — where
     * the environment has a blast budget, checked again with every clearance issued until now — on BLAST_BUDGET.
     */
    public Optional<PreflightOutcome> lostService(PreflightOutcome passed, Instant clearanceExpires) {
        Plan plan = passed.plan();
        boolean budgeted = envPolicy(plan).map(EnvironmentPolicy::blastBudget).isPresent();
        Optional<CheckResult> lost = budgeted
                ? claims.takeWithinBudget(plan, clearanceExpires, () -> {
                    Instant now = clock.instant();
                    return BlastBudgetRule.check(plan, envPolicy(plan), runningBeside(plan, now));
                })
                : claims.take(plan, clearanceExpires);
        return lost.map(failed -> {
            List<CheckResult> checks = passed.checks().stream().map(c -> c.kind() == failed.kind() ? failed : c).toList();
            return new PreflightOutcome(plan, checks, passed.windowStart(), passed.windowEnd(),
                    PreflightSummary.of(plan.experimentId(), plan.revision(), checks, policy.approverList()));
        });
    }

    /**
     * The time checks for a run that would start at {@code start} (a deferred experiment's window, when it is
     * scheduled): what is already known to stand in the way then. The full preflight still runs at the start.
     */
    public List<CheckResult> timeChecksAt(Plan plan, String proposer, Instant start) throws InterruptedException {
        Instant end = start.plusMillis(plan.durationMillis()).plus(ScheduleWindow.SLACK);
        List<CheckResult> results = new ArrayList<>();
        ProbeMeasurements unused = new ProbeMeasurements(sampler); // the time checks send no probe
        for (PreflightCheckKind kind : TIME_CHECKS) {
            results.add(runOne(kind, plan, proposer, start, end, List.copyOf(results), unused));
        }
        return results;
    }

    private CheckResult runOne(PreflightCheckKind kind, Plan plan, String proposer, Instant start, Instant end,
                               List<CheckResult> earlier, ProbeMeasurements measured) throws InterruptedException {
        try {
            return checks.get(kind).run(plan, proposer, start, end, earlier, measured);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return CheckResult.failed(kind, "the check could not run: " + e, Map.of());
        }
    }

    /**
     * Why the plan needs an approver for want of history — HISTORICAL_NORM's reason when it names probes without one
     * and the plan's environment is one of {@code approver-without-history} — or null.
     */
    private static String historyGap(Plan plan, List<CheckResult> earlier, NormSettings settings) {
        if (!settings.approverWithoutHistory(plan.environment())) {
            return null;
        }
        return earlier.stream().filter(c -> c.kind() == PreflightCheckKind.HISTORICAL_NORM)
                .filter(c -> c.details().containsKey(HistoricalNormCheck.NO_HISTORY)).findFirst()
                .map(c -> "no history yet for " + c.details().get(HistoricalNormCheck.NO_HISTORY).replace(",", ", ")
                        + " at " + c.details().get("hourOfWeek") + " in " + plan.environment())
                .orElse(null);
    }

    /**
     * The other experiments injecting in the plan's environment at {@code now}, or cleared there and not yet ended
     * (they hold a service), with their approved plans' shares.
     */
    private List<BlastBudgetRule.Running> runningBeside(Plan plan, Instant now) {
        Stream<String> injecting = injections.activeAt(now).stream().map(ActiveInjections.Running::experimentId);
        Stream<String> cleared = claims.holdersIn(plan.environment(), plan.experimentId(), now).stream();
        return Stream.concat(injecting, cleared).filter(id -> !id.equals(plan.experimentId())).distinct()
                .map(id -> plans.approvedPlan(id).map(ApprovedPlan::plan))
                .flatMap(Optional::stream).filter(p -> p.environment() == plan.environment()).distinct()
                .map(p -> new BlastBudgetRule.Running(p.experimentId(), p.service(), p.trafficShare())).toList();
    }

    /**
     * The staging verdicts on the plan's service and fault type, each with its experiment's template (read only when
     * the plan names one to match); none read where the environment does not ask for a staging run first.
     */
    private List<StagingFirstRule.StagingRun> stagingRuns(Plan plan) {
        if (envPolicy(plan).filter(EnvironmentPolicy::requiresStagingFirst).isEmpty()) {
            return List.of();
        }
        return verdicts.verdicts(Environment.STAGING, plan.service(), plan.fault().getFaultType()).stream()
                .map(v -> new StagingFirstRule.StagingRun(v, plan.templateId() == null ? null
                        : plans.latest(v.experimentId()).map(Plan::templateId).orElse(null))).toList();
    }

    private Optional<EnvironmentPolicy> envPolicy(Plan plan) {
        return policy.policyFor(plan.environment());
    }
}
