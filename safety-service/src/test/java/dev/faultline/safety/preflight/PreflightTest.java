package dev.faultline.safety.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.kit.probe.HttpProbeClient;
import dev.faultline.kit.probe.PromQlClient;
import dev.faultline.kit.tracing.HttpClientSpans;
import dev.faultline.safety.approval.Approval;
import dev.faultline.safety.approval.ApprovalSettings;
import dev.faultline.safety.baseline.BaselineHealthCheck;
import dev.faultline.safety.baseline.BaselineSampler;
import dev.faultline.safety.baseline.EvidenceSources;
import dev.faultline.safety.calendar.CalendarEntry;
import dev.faultline.safety.calendar.DeploymentCalendar;
import dev.faultline.safety.envelope.TimeEnvelope;
import dev.faultline.safety.halt.ActiveHalts;
import dev.faultline.safety.incident.OpenIncidents;
import dev.faultline.safety.norm.HistoricalNormCheck;
import dev.faultline.safety.norm.NormSettings;
import dev.faultline.safety.norm.ProbeKey;
import dev.faultline.safety.norm.PrometheusHistory;
import dev.faultline.safety.policy.EnvironmentPolicy;
import dev.faultline.safety.policy.SafetyPolicy;
import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.staging.StagingFirstSettings;
import dev.faultline.safety.staging.StagingVerdict;
import dev.faultline.safety.staging.VerdictBook;
import dev.faultline.safety.support.InMemoryClaims;
import dev.faultline.safety.support.InMemoryPlans;
import dev.faultline.safety.support.InMemoryProbeHistory;
import dev.faultline.safety.support.Plans;
import dev.faultline.safety.support.Policies;
import dev.faultline.safety.support.TargetServer;
import dev.faultline.safety.target.DeclaredTargets;
import dev.faultline.schemas.avro.ApprovalDecision;
import dev.faultline.schemas.avro.CalendarEntryKind;
import dev.faultline.schemas.avro.CheckOutcome;
import dev.faultline.schemas.avro.Environment;
import dev.faultline.schemas.avro.FaultType;
import dev.faultline.schemas.avro.IncidentStatus;
import dev.faultline.schemas.avro.PreflightCheckKind;
import dev.faultline.schemas.avro.VerdictOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PreflightTest {

    private static final Instant NOON = Instant.parse("2026-11-26T12:00:00Z");
    /** Requests per HTTP probe and preflight. */
    private static final int SAMPLES = 3;
    private static final NormSettings NORMS = new NormSettings(Duration.ofMinutes(1), Duration.ofDays(35), 4, 0.1, 0.9,
            1.0, 0.1, 30, 0.05, Duration.ofMinutes(1), null);
    /** Production as a team might run it once its norms are known: approvals only beyond a quarter of the traffic. */
    private static final SafetyPolicy UNATTENDED_PRODUCTION = new SafetyPolicy(Map.of(Environment.PRODUCTION,
            new EnvironmentPolicy(Environment.PRODUCTION, 0.25, false, 0.25, Policies.PRODUCTION.allowedHours(), true, 0.5,
                    true)), Set.of("bob", "carol"));

    private final TargetServer target = new TargetServer();
    private final List<Approval> approvals = new ArrayList<>();
    private final DeploymentCalendar calendar = new DeploymentCalendar(List.of());
    private final OpenIncidents incidents = new OpenIncidents();
    private final InMemoryPlans plans = new InMemoryPlans();
    private final ActiveInjections injections = new ActiveInjections();
    private final InMemoryClaims claims = new InMemoryClaims();
    private Instant now = NOON;
    private final List<StagingVerdict> verdicts = new ArrayList<>();
    private final InMemoryProbeHistory history = new InMemoryProbeHistory();
    private SafetyPolicy policy = Policies.demo();
    private RollbackDryRun rollback = plan -> CheckResult.passed(PreflightCheckKind.ROLLBACK_READY, "verified", Map.of());

    private Preflight preflight() {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        VerdictBook verdictBook = new VerdictBook() {
            @Override
            public void save(StagingVerdict verdict) {
                verdicts.add(verdict);
            }

            @Override
            public List<StagingVerdict> verdicts(Environment environment, String service, FaultType faultType) {
                return verdicts.stream().filter(v -> v.environment() == environment && v.service().equals(service)
                        && v.faultType() == faultType).toList();
            }
        };
        HttpProbeClient client = new HttpProbeClient(HttpClientSpans.disabled());
        HistoricalNormCheck norms = new HistoricalNormCheck(history, new PrometheusHistory(client),
                new PromQlClient(client), NORMS);
        return new Preflight(policy, new TimeEnvelope(policy, calendar, incidents, new DeclaredTargets(),
                Duration.ofMinutes(30)), new ActiveHalts(), injections, new ServiceClaims(claims, injections, clock),
                new BaselineHealthCheck(new EvidenceSources(HttpClientSpans.disabled()), 0.05), norms,
                new BaselineSampler(SAMPLES, 0), p -> rollback.check(p), id -> approvals,
                new ApprovalSettings(Map.of(), Duration.ofHours(24)), NORMS, plans, verdictBook,
                new StagingFirstSettings(Duration.ofDays(30)), clock);
    }

    /** The same failure mode judged in staging a day ago (experiment exp-staging, drafted from the same template). */
    private void ranInStaging() {
        plans.approve(Plans.other("exp-staging", "storefront", Environment.STAGING, 0.5));
        verdicts.add(new StagingVerdict("exp-staging", 1, Environment.STAGING, "storefront", FaultType.NETWORK_BLACKHOLE,
                VerdictOutcome.PARTIALLY_HELD, NOON.minus(Duration.ofDays(1))));
    }

    /** A staging plan of experiment {@code id} on storefront, with the plans' probe of it. */
    /** exp-1 may run in production: someone on call, approved by bob, run in staging before. */
    private void readyForProduction() {
        calendar.put(onCall("dave"));
        approvals.add(new Approval("exp-1", 1, "bob", ApprovalDecision.APPROVED, "", NOON, NOON.plus(Duration.ofHours(24))));
        ranInStaging();
    }

    /** exp-checkout (checkout, {@code share}) cleared in production, its run not started. */
    private void clearCheckoutInProduction(double share) {
        Plan checkout = Plans.other("exp-checkout", "checkout", Environment.PRODUCTION, share);
        plans.approve(checkout);
        assertThat(new ServiceClaims(claims, injections, Clock.fixed(NOON, ZoneOffset.UTC))
                .take(checkout, NOON.plusSeconds(600))).as("exp-checkout cleared, its injection not started yet").isEmpty();
    }

    private Plan onStorefront(String id) {
        Plan plan = plan(Environment.STAGING, 0.5);
        return new Plan(id, 1, plan.title(), plan.service(), plan.environment(), plan.trafficShare(), plan.dependency(),
                plan.durationMillis(), plan.probes(), plan.fault(), plan.riskLevel(), plan.templateId());
    }

    private Plan plan(Environment env, double share) {
        return Plans.plan(env, share, List.of(Plans.get("reads", target.url("/products/sku-1"))));
    }

    @AfterEach
    void stop() {
        target.close();
    }

    @Test
    void shouldPassALowRiskStagingPlanWithEveryCheckReported() throws Exception {
        PreflightOutcome outcome = preflight().run(plan(Environment.STAGING, 0.5), "alice");
        assertThat(outcome.passed()).as(outcome.summary()).isTrue();
        assertThat(outcome.checks()).extracting(CheckResult::kind).containsExactlyElementsOf(Preflight.ORDER);
        assertThat(outcome.checks()).filteredOn(c -> c.kind() == PreflightCheckKind.APPROVAL)
                .extracting(CheckResult::outcome).containsExactly(CheckOutcome.NOT_REQUIRED);
        assertThat(outcome.windowStart()).isEqualTo(NOON);
        assertThat(outcome.windowEnd()).isEqualTo(NOON.plusSeconds(90));
        assertThat(outcome.summary()).contains("all 13 checks passed");
        assertThat(outcome.onCall()).isNull();
    }

    @Test
    void shouldBlockProductionUntilApprovedAndSayWhatToDo() throws Exception {
        calendar.put(onCall("dave"));
        ranInStaging();
        PreflightOutcome blocked = preflight().run(plan(Environment.PRODUCTION, 0.1), "alice");
        assertThat(blocked.passed()).isFalse();
        assertThat(blocked.checks()).filteredOn(CheckResult::isFailed).extracting(CheckResult::kind)
                .containsExactly(PreflightCheckKind.APPROVAL);
        assertThat(blocked.summary()).contains("APPROVAL failed").contains("ask bob or carol (not the proposer)");

        approvals.add(new Approval("exp-1", 1, "bob", ApprovalDecision.APPROVED, "", NOON, NOON.plus(Duration.ofHours(24))));
        PreflightOutcome passed = preflight().run(plan(Environment.PRODUCTION, 0.1), "alice");
        assertThat(passed.passed()).isTrue();
        assertThat(passed.onCall()).isEqualTo("dave");
    }

    @Test
    void shouldBlockOnTheTimeEnvelopeWithEachReason() throws Exception {
        ranInStaging();
        calendar.put(new CalendarEntry("d-1", CalendarEntryKind.DEPLOYMENT_WINDOW, Environment.PRODUCTION,
                Set.of("pricing"), NOON.plusSeconds(600), NOON.plusSeconds(1200), "pricing 2.3", null, "ci:d-1"));
        incidents.recorded(new OpenIncidents.Incident("INC-7", "storefront 5xx", IncidentStatus.OPEN,
                Environment.PRODUCTION, Set.of("storefront"), NOON.minusSeconds(60)));
        approvals.add(new Approval("exp-1", 1, "bob", ApprovalDecision.APPROVED, "", NOON, NOON.plus(Duration.ofHours(24))));

        PreflightOutcome blocked = preflight().run(plan(Environment.PRODUCTION, 0.1), "alice");
        assertThat(blocked.checks()).filteredOn(CheckResult::isFailed).extracting(CheckResult::kind)
                .containsExactly(PreflightCheckKind.DEPLOYMENT_CALENDAR, PreflightCheckKind.ON_CALL,
                        PreflightCheckKind.NO_OPEN_INCIDENT);
        assertThat(blocked.summary()).contains("deployment 'pricing 2.3' (ci:d-1)").contains("INC-7")
                .contains("no ON_CALL_SHIFT covers").contains("faultline calendar add --kind ON_CALL_SHIFT");
    }

    @Test
    void shouldBlockProductionBeforeAStagingRunAndBeyondTheBlastBudget() throws Exception {
        calendar.put(onCall("dave"));
        approvals.add(new Approval("exp-1", 1, "bob", ApprovalDecision.APPROVED, "", NOON, NOON.plus(Duration.ofHours(24))));
        plans.approve(Plans.other("exp-checkout", "checkout", Environment.PRODUCTION, 0.25));
        plans.approve(Plans.other("exp-search", "search", Environment.PRODUCTION, 0.2));
        injections.started(new ActiveInjections.Running(UUID.randomUUID(), "exp-checkout", "checkout", NOON.plusSeconds(60)));
        injections.started(new ActiveInjections.Running(UUID.randomUUID(), "exp-search", "search", NOON.plusSeconds(60)));

        PreflightOutcome blocked = preflight().run(plan(Environment.PRODUCTION, 0.1), "alice");

        assertThat(blocked.checks()).filteredOn(CheckResult::isFailed).extracting(CheckResult::kind)
                .containsExactly(PreflightCheckKind.STAGING_FIRST, PreflightCheckKind.BLAST_BUDGET);
        assertThat(blocked.summary()).contains("no verdict in STAGING: run it in staging first")
                .contains("exp-checkout on checkout (0.25), exp-search on search (0.20) + this plan's 0.10 = 0.55");

        ranInStaging();
        injections.stopped(injections.activeAt(NOON).stream().filter(r -> r.experimentId().equals("exp-search"))
                .findFirst().orElseThrow().injectionId());
        assertThat(preflight().run(plan(Environment.PRODUCTION, 0.1), "alice").passed()).isTrue();
    }

    @Test
    void shouldKeepAServiceForTheExperimentClearedFirstUntilItsInjectionEnds() throws Exception {
        Plan first = onStorefront("exp-first");
        Plan second = onStorefront("exp-second");
        PreflightOutcome firstPassed = preflight().run(first, "alice");
        PreflightOutcome secondPassed = preflight().run(second, "alice");
        assertThat(firstPassed.passed()).as(firstPassed.summary()).isTrue();
        assertThat(secondPassed.passed()).as("both pass while neither is cleared: the race").isTrue();

        Instant expires = NOON.plus(Duration.ofMinutes(10));
        assertThat(preflight().lostService(firstPassed, expires)).as("the first to be cleared takes the service").isEmpty();
        PreflightOutcome lost = preflight().lostService(secondPassed, expires).orElseThrow();
        assertThat(lost.passed()).isFalse();
        assertThat(lost.checks()).filteredOn(CheckResult::isFailed).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(PreflightCheckKind.NO_CONCURRENT_EXPERIMENT);
            assertThat(c.details()).containsEntry("experiments", "exp-first");
        });
        assertThat(lost.summary()).contains("experiment exp-first was cleared on storefront in STAGING",
                "wait until the other experiment on this service has ended");
        assertThat(preflight().run(second, "alice").checks()).as("a later preflight sees the claim before the run starts")
                .filteredOn(CheckResult::isFailed).extracting(CheckResult::kind)
                .containsExactly(PreflightCheckKind.NO_CONCURRENT_EXPERIMENT);
        assertThat(preflight().lostService(firstPassed, expires)).as("cleared again: its own claim").isEmpty();

        UUID injection = UUID.randomUUID();
        injections.started(new ActiveInjections.Running(injection, "exp-first", "storefront", NOON.plusSeconds(60)));
        now = NOON.plusSeconds(30);
        injections.stopped(injection);
        injections.ended("exp-first", now);
        PreflightOutcome afterwards = preflight().run(second, "alice");
        assertThat(afterwards.passed()).as("the first's injection ended").isTrue();
        assertThat(preflight().lostService(afterwards, now.plus(Duration.ofMinutes(10)))).isEmpty();
        assertThat(preflight().run(first, "alice").passed()).as("now the second holds it").isFalse();
    }

    @Test
    void shouldLetAServiceGoOnceAClearanceExpiredUnusedButNotWhileItsRunGoesOn() throws Exception {
        Plan first = onStorefront("exp-first");
        Plan second = onStorefront("exp-second");
        assertThat(preflight().lostService(preflight().run(first, "alice"), NOON.plusSeconds(60))).isEmpty();

        now = NOON.plusSeconds(60).plus(ActiveInjections.GRACE);
        assertThat(preflight().run(second, "alice").passed()).as("expired, but within the grace").isFalse();
        injections.started(new ActiveInjections.Running(UUID.randomUUID(), "exp-first", "storefront",
                NOON.plusSeconds(120)));
        now = NOON.plusSeconds(100);
        assertThat(preflight().run(second, "alice").passed()).as("started just before its clearance expired").isFalse();

        now = NOON.plusSeconds(120).plus(ActiveInjections.GRACE).plusSeconds(1);
        PreflightOutcome passed = preflight().run(second, "alice");
        assertThat(passed.passed()).as("its run is past its deadline and grace: " + passed.summary()).isTrue();
        assertThat(preflight().lostService(passed, now.plus(Duration.ofMinutes(10)))).isEmpty();
    }

    @Test
    void shouldCountAnExperimentClearedButNotStartedInTheBlastBudget() throws Exception {
        readyForProduction();
        clearCheckoutInProduction(0.45);

        PreflightOutcome blocked = preflight().run(plan(Environment.PRODUCTION, 0.1), "alice");
        assertThat(blocked.checks()).filteredOn(CheckResult::isFailed).extracting(CheckResult::kind)
                .containsExactly(PreflightCheckKind.BLAST_BUDGET);
        assertThat(blocked.summary()).contains("exp-checkout on checkout (0.45) + this plan's 0.10 = 0.55");

        injections.ended("exp-checkout", NOON); // the injector refused its clearance
        assertThat(preflight().run(plan(Environment.PRODUCTION, 0.1), "alice").passed()).isTrue();
    }

    @Test
    void shouldCheckTheBlastBudgetAgainWhenClearingSoThatTwoPassingAtOnceStayWithinIt() throws Exception {
        readyForProduction();
        PreflightOutcome passed = preflight().run(plan(Environment.PRODUCTION, 0.1), "alice");
        assertThat(passed.passed()).as("alone in production: " + passed.summary()).isTrue();

        // meanwhile another instance cleared exp-checkout on another service (its preflight passed alone, too)
        clearCheckoutInProduction(0.45);

        PreflightOutcome lost = preflight().lostService(passed, NOON.plusSeconds(600)).orElseThrow();
        assertThat(lost.passed()).isFalse();
        assertThat(lost.checks()).filteredOn(CheckResult::isFailed).extracting(CheckResult::kind)
                .containsExactly(PreflightCheckKind.BLAST_BUDGET);
        assertThat(lost.summary()).contains("exp-checkout on checkout (0.45) + this plan's 0.10 = 0.55",
                "exceeds PRODUCTION's blast budget of 0.50");
        assertThat(claims.read("service/PRODUCTION/storefront")).as("its service not taken").isEmpty();
        assertThat(claims.read("budget/PRODUCTION")).as("the budget's lock let go").isEmpty();
    }

    @Test
    void shouldAskForAnApproverInProductionWhileAProbeHasNoHistory() throws Exception {
        policy = UNATTENDED_PRODUCTION;
        calendar.put(onCall("dave"));
        ranInStaging();

        PreflightOutcome blocked = preflight().run(plan(Environment.PRODUCTION, 0.1), "alice");

        assertThat(blocked.checks()).filteredOn(CheckResult::isFailed).extracting(CheckResult::kind)
                .containsExactly(PreflightCheckKind.APPROVAL);
        assertThat(check(blocked, PreflightCheckKind.HISTORICAL_NORM).reason())
                .isEqualTo("no history for probe reads at Thu 12:00 UTC: 0 samples in the past 4 weeks (that hour and"
                        + " the hours either side), needs 30");
        assertThat(check(blocked, PreflightCheckKind.APPROVAL).reason())
                .startsWith("no history yet for reads at Thu 12:00 UTC in PRODUCTION: revision 1 needs an approval by"
                        + " one of bob, carol who are not the proposer; it has none");

        approvals.add(new Approval("exp-1", 1, "bob", ApprovalDecision.APPROVED, "", NOON, NOON.plus(Duration.ofHours(24))));
        assertThat(preflight().run(plan(Environment.PRODUCTION, 0.1), "alice").passed()).isTrue();
    }

    @Test
    void shouldNeedNoApproverForANormKnownAndBlockWhenTheTargetIsOutsideIt() throws Exception {
        policy = UNATTENDED_PRODUCTION;
        calendar.put(onCall("dave"));
        ranInStaging();
        history.weeksOf(new ProbeKey(Environment.PRODUCTION, "storefront", "reads"), NOON, 4,
                List.of(100.0, 200.0, 300.0), true);

        PreflightOutcome passed = preflight().run(plan(Environment.PRODUCTION, 0.1), "alice");
        assertThat(passed.passed()).isTrue();
        assertThat(check(passed, PreflightCheckKind.APPROVAL).outcome()).isEqualTo(CheckOutcome.NOT_REQUIRED);

        target.answerAfter(600);
        PreflightOutcome blocked = preflight().run(plan(Environment.PRODUCTION, 0.1), "alice");
        assertThat(blocked.checks()).filteredOn(CheckResult::isFailed).extracting(CheckResult::kind)
                .containsExactly(PreflightCheckKind.HISTORICAL_NORM);
        assertThat(blocked.summary()).contains("HISTORICAL_NORM failed (reads: median latency")
                .contains("above p90 300 + tolerance 200 = 500 ms")
                .contains("the target is outside its norm for this hour of the week");
    }

    @Test
    void shouldSendEachHttpProbeOncePerPreflightForBothTheHealthAndTheNorm() throws Exception {
        history.weeksOf(new ProbeKey(Environment.STAGING, "storefront", "reads"), NOON, 4, List.of(100.0), true);
        target.answer(503);

        PreflightOutcome outcome = preflight().run(plan(Environment.STAGING, 0.5), "alice");

        assertThat(target.requests()).as("baseline.samples requests, not one round per check").isEqualTo(SAMPLES);
        assertThat(check(outcome, PreflightCheckKind.HISTORICAL_NORM).reason())
                .contains("reads: error rate 1.00 now vs 0.00");
        assertThat(check(outcome, PreflightCheckKind.BASELINE_HEALTH).reason())
                .contains("reads: error rate 1.00, p95", "over 3 samples; above the limit 0.05 (status 503)");
    }

    private static CheckResult check(PreflightOutcome outcome, PreflightCheckKind kind) {
        return outcome.checks().stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
    }

    private static CalendarEntry onCall(String person) {
        return new CalendarEntry("shift-" + person, CalendarEntryKind.ON_CALL_SHIFT, Environment.PRODUCTION,
                Set.of("storefront"), NOON.minusSeconds(3600), NOON.plusSeconds(3600), "primary", person,
                "pagerduty:shift-" + person);
    }

    @Test
    void shouldReportEveryFailureAndABrokenCheckAsFailed() throws Exception {
        calendar.put(onCall("dave"));
        rollback = plan -> {
            throw new IllegalStateException("injector exploded");
        };
        target.answer(500);
        PreflightOutcome outcome = preflight().run(plan(Environment.PRODUCTION, 0.5), "alice");
        assertThat(outcome.checks()).filteredOn(CheckResult::isFailed).extracting(CheckResult::kind)
                .containsExactlyInAnyOrder(PreflightCheckKind.BLAST_RADIUS_POLICY, PreflightCheckKind.APPROVAL,
                        PreflightCheckKind.STAGING_FIRST,
                        PreflightCheckKind.BASELINE_HEALTH, PreflightCheckKind.ROLLBACK_READY);
        assertThat(outcome.checks()).filteredOn(c -> c.kind() == PreflightCheckKind.ROLLBACK_READY)
                .singleElement().satisfies(c -> assertThat(c.reason()).contains("could not run").contains("injector exploded"));
    }
}
