package dev.faultline.safety;

import dev.faultline.kit.KafkaSettings;
import dev.faultline.kit.clearance.ClearanceSigner;
import dev.faultline.kit.events.EventPublisher;
import dev.faultline.kit.probe.HttpProbeClient;
import dev.faultline.kit.probe.PromQlClient;
import dev.faultline.kit.tracing.HttpClientSpans;
import dev.faultline.safety.approval.ApprovalDesk;
import dev.faultline.safety.approval.ApprovalSettings;
import dev.faultline.safety.approval.ApprovalStore;
import dev.faultline.safety.baseline.BaselineHealthCheck;
import dev.faultline.safety.baseline.BaselineSampler;
import dev.faultline.safety.baseline.BaselineSettings;
import dev.faultline.safety.baseline.EvidenceSources;
import dev.faultline.safety.calendar.CalendarSettings;
import dev.faultline.safety.calendar.DeploymentCalendar;
import dev.faultline.safety.calendar.FreezeSettings;
import dev.faultline.safety.claim.Claims;
import dev.faultline.safety.envelope.ControlTopicStops;
import dev.faultline.safety.envelope.MidRunWatch;
import dev.faultline.safety.envelope.TimeEnvelope;
import dev.faultline.safety.halt.ActiveHalts;
import dev.faultline.safety.incident.OpenIncidents;
import dev.faultline.safety.norm.HistoricalNormCheck;
import dev.faultline.safety.norm.HistorySampler;
import dev.faultline.safety.norm.NormSettings;
import dev.faultline.safety.norm.ProbeHistory;
import dev.faultline.safety.norm.PrometheusHistory;
import dev.faultline.safety.norm.WatchedProbes;
import dev.faultline.safety.plan.ApprovedPlan;
import dev.faultline.safety.plan.PlanBook;
import dev.faultline.safety.policy.EnvironmentSettings;
import dev.faultline.safety.policy.PolicyConfiguration;
import dev.faultline.safety.policy.SafetyPolicy;
import dev.faultline.safety.preflight.ActiveInjections;
import dev.faultline.safety.preflight.ApprovalBook;
import dev.faultline.safety.preflight.Preflight;
import dev.faultline.safety.preflight.PreflightCoordinator;
import dev.faultline.safety.preflight.PreflightMetrics;
import dev.faultline.safety.preflight.PreflightResults;
import dev.faultline.safety.preflight.RevisionClaims;
import dev.faultline.safety.preflight.RollbackDryRun;
import dev.faultline.safety.preflight.ServiceClaims;
import dev.faultline.safety.records.KafkaSafetyEvents;
import dev.faultline.safety.records.SafetyLog;
import dev.faultline.safety.records.SafetyRecords;
import dev.faultline.safety.schedule.ScheduleBook;
import dev.faultline.safety.schedule.ScheduleSettings;
import dev.faultline.safety.schedule.ScheduledStarts;
import dev.faultline.safety.staging.StagingFirstSettings;
import dev.faultline.safety.staging.VerdictBook;
import dev.faultline.safety.target.DeclaredTargets;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Wires safety-service's plain domain classes (rules, read models, the projection, the preflight) to their adapters. */
@Factory
public class SafetyFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    SafetyPolicy safetyPolicy(SafetySettings settings, List<EnvironmentSettings> environments) {
        return PolicyConfiguration.policy(settings.approvers(), environments);
    }

    @Singleton
    DeploymentCalendar deploymentCalendar(List<FreezeSettings> freezes) {
        return new DeploymentCalendar(PolicyConfiguration.freezes(freezes));
    }

    @Singleton
    OpenIncidents openIncidents() {
        return new OpenIncidents();
    }

    @Singleton
    DeclaredTargets declaredTargets() {
        return new DeclaredTargets();
    }

    @Singleton
    TimeEnvelope timeEnvelope(SafetyPolicy policy, DeploymentCalendar calendar, OpenIncidents incidents,
                              DeclaredTargets targets, CalendarSettings settings) {
        return new TimeEnvelope(policy, calendar, incidents, targets, settings.deployMargin());
    }

    @Singleton
    MidRunWatch midRunWatch(TimeEnvelope envelope, ActiveInjections injections, ActiveHalts halts, PlanBook plans,
                            EventPublisher publisher, KafkaSettings kafka, Clock clock, Claims claims) {
        return new MidRunWatch(envelope, injections, halts, id -> plans.approvedPlan(id).map(ApprovedPlan::plan),
                new ControlTopicStops(publisher, kafka.serviceName(), clock), clock, claims,
                kafka.serviceName() + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Singleton
    ActiveHalts activeHalts() {
        return new ActiveHalts();
    }

    @Singleton
    ActiveInjections activeInjections() {
        return new ActiveInjections();
    }

    @Singleton
    BaselineSampler baselineSampler(HttpClientSpans spans, BaselineSettings settings) {
        return new BaselineSampler(settings.samples(), settings.pause().toMillis(), spans);
    }

    @Singleton
    BaselineHealthCheck baselineHealthCheck(HttpClientSpans spans, BaselineSettings settings) {
        return new BaselineHealthCheck(new EvidenceSources(spans), settings.maxErrorRate());
    }

    @Singleton
    SafetyRecords safetyRecords(PlanBook plans, ApprovalStore approvals, PreflightResults results,
                                VerdictBook verdicts, ScheduleBook schedules, WatchedProbes probes,
                                ServiceClaims serviceClaims) {
        return new SafetyRecords(plans, approvals, results, verdicts, schedules, probes, serviceClaims);
    }

    @Singleton
    ServiceClaims serviceClaims(Claims claims, ActiveInjections injections, Clock clock) {
        return new ServiceClaims(claims, injections, clock);
    }

    @Singleton
    HistorySampler historySampler(WatchedProbes probes, ProbeHistory history, HttpClientSpans spans,
                                  ActiveInjections injections, Clock clock) {
        return new HistorySampler(probes, history, new HttpProbeClient(spans), service ->
                injections.activeAt(clock.instant()).stream().anyMatch(r -> r.service().equals(service)));
    }

    @Singleton
    HistoricalNormCheck historicalNormCheck(ProbeHistory history, HttpClientSpans spans, NormSettings settings) {
        HttpProbeClient client = new HttpProbeClient(spans);
        return new HistoricalNormCheck(history, new PrometheusHistory(client), new PromQlClient(client), settings);
    }

    @Singleton
    SafetyLog safetyLog(EventPublisher publisher, SafetyRecords records) {
        return new SafetyLog(new KafkaSafetyEvents(publisher), records);
    }

    @Singleton
    PreflightCoordinator preflightCoordinator(PlanBook plans, PreflightResults results, Preflight preflight,
                                              ClearanceSigner signer, SafetyLog log, PreflightMetrics metrics,
                                              Clock clock, KafkaSettings kafka, SafetySettings settings,
                                              ScheduleBook schedules, ScheduleSettings schedule, Claims claims) {
        return new PreflightCoordinator(plans, results, new RevisionClaims(claims), preflight, signer, log, metrics,
                clock, kafka.serviceName(), settings.clearanceTtl(), schedules, schedule.startGrace());
    }

    @Singleton
    ScheduledStarts scheduledStarts(ScheduleBook schedules, PreflightCoordinator coordinator, PlanBook plans,
                                    Clock clock, ScheduleSettings settings) {
        return new ScheduledStarts(schedules, coordinator::runScheduled,
                id -> plans.approvedPlan(id).map(a -> a.plan().durationMillis()), clock, settings.retryEvery());
    }

    @Singleton
    ApprovalDesk approvalDesk(PlanBook plans, SafetyPolicy policy, SafetyLog log, PreflightCoordinator preflight,
                              Clock clock, ApprovalSettings approvals) {
        return new ApprovalDesk(plans, policy, log, preflight, clock, approvals.validFor());
    }

    @Singleton
    Preflight preflight(SafetyPolicy policy, TimeEnvelope envelope, ActiveHalts halts, ActiveInjections injections,
                        ServiceClaims serviceClaims, BaselineHealthCheck baseline, HistoricalNormCheck norms,
                        BaselineSampler sampler, RollbackDryRun rollback, ApprovalBook approvals,
                        ApprovalSettings approvalSettings, NormSettings normSettings, PlanBook plans,
                        VerdictBook verdicts, StagingFirstSettings stagingFirst, Clock clock) {
        return new Preflight(policy, envelope, halts, injections, serviceClaims, baseline, norms, sampler, rollback,
                approvals, approvalSettings, normSettings, plans, verdicts, stagingFirst, clock);
    }
}
