package dev.faultline.safety.preflight;

import dev.faultline.safety.approval.ApprovalRule;
import dev.faultline.safety.baseline.BaselineHealthCheck;
import dev.faultline.safety.calendar.TimeWindowRule;
import dev.faultline.safety.envelope.TimeEnvelope;
import dev.faultline.safety.halt.ActiveHalts;
import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.policy.BlastRadiusRule;
import dev.faultline.safety.policy.EnvironmentPolicy;
import dev.faultline.safety.policy.SafetyPolicy;
import dev.faultline.schemas.avro.PreflightCheckKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs every preflight check on one revision of a plan and never stops at the first failure, so that a block
 * reports everything that stands in the way. A check that breaks (an exception) counts as failed with its cause.
 * The experiment's window is now .. now + duration + {@link #WINDOW_SLACK} (the time to stop it), as read from the
 * injected clock.
 */
public final class Preflight {

    static final Duration WINDOW_SLACK = Duration.ofMinutes(1);

    /** One check over the plan, its proposer and its window. */
    @FunctionalInterface
    interface Check {
        CheckResult run(Plan plan, String proposer, Instant start, Instant end) throws Exception;
    }

    private final SafetyPolicy policy;
    private final Clock clock;
    private final Map<PreflightCheckKind, Check> checks;

    public Preflight(SafetyPolicy policy, TimeEnvelope envelope, ActiveHalts halts, ActiveInjections injections,
                     BaselineHealthCheck baseline, RollbackDryRun rollback, ApprovalBook approvals, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        this.checks = Map.of(
                PreflightCheckKind.BASELINE_HEALTH, (plan, proposer, start, end) -> baseline.check(plan),
                PreflightCheckKind.TIME_WINDOW, (plan, proposer, start, end) ->
                        TimeWindowRule.check(plan, start, end, envPolicy(plan)),
                PreflightCheckKind.DEPLOYMENT_CALENDAR, (plan, proposer, start, end) -> envelope.calendar(plan, start, end),
                PreflightCheckKind.ON_CALL, (plan, proposer, start, end) -> envelope.onCall(plan, start, end),
                PreflightCheckKind.NO_OPEN_INCIDENT, (plan, proposer, start, end) -> envelope.incidents(plan),
                PreflightCheckKind.BLAST_RADIUS_POLICY, (plan, proposer, start, end) ->
                        BlastRadiusRule.check(plan, envPolicy(plan)),
                PreflightCheckKind.ROLLBACK_READY, (plan, proposer, start, end) -> rollback.check(plan),
                PreflightCheckKind.APPROVAL, (plan, proposer, start, end) -> ApprovalRule.check(plan, proposer,
                        envPolicy(plan), policy, approvals.forExperiment(plan.experimentId())),
                PreflightCheckKind.NO_ACTIVE_HALT, (plan, proposer, start, end) ->
                        halts.check(plan.experimentId(), plan.environment()),
                PreflightCheckKind.NO_CONCURRENT_EXPERIMENT, (plan, proposer, start, end) ->
                        injections.check(plan.experimentId(), plan.service(), start));
    }

    /** The order checks are run and reported in: cheap rules first, then the ones that call out. */
    static final List<PreflightCheckKind> ORDER = List.of(PreflightCheckKind.NO_ACTIVE_HALT,
            PreflightCheckKind.BLAST_RADIUS_POLICY, PreflightCheckKind.TIME_WINDOW,
            PreflightCheckKind.DEPLOYMENT_CALENDAR, PreflightCheckKind.ON_CALL, PreflightCheckKind.NO_OPEN_INCIDENT,
            PreflightCheckKind.APPROVAL, PreflightCheckKind.NO_CONCURRENT_EXPERIMENT, PreflightCheckKind.BASELINE_HEALTH,
            PreflightCheckKind.ROLLBACK_READY);

    public PreflightOutcome run(Plan plan, String proposer) throws InterruptedException {
        Instant start = clock.instant();
        Instant end = start.plusMillis(plan.durationMillis()).plus(WINDOW_SLACK);
        List<CheckResult> results = new ArrayList<>();
        for (PreflightCheckKind kind : ORDER) {
            results.add(runOne(kind, plan, proposer, start, end));
        }
        String summary = PreflightSummary.of(plan.experimentId(), plan.revision(), results, policy.approverList());
        return new PreflightOutcome(plan, results, start, end, summary);
    }

    private CheckResult runOne(PreflightCheckKind kind, Plan plan, String proposer, Instant start, Instant end)
            throws InterruptedException {
        try {
            return checks.get(kind).run(plan, proposer, start, end);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return CheckResult.failed(kind, "the check could not run: " + e, Map.of());
        }
    }

    private Optional<EnvironmentPolicy> envPolicy(Plan plan) {
        return policy.policyFor(plan.environment());
    }
}
