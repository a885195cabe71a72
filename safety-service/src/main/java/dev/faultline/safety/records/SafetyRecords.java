package dev.faultline.safety.records;

import dev.faultline.safety.approval.Approval;
import dev.faultline.safety.approval.ApprovalStore;
import dev.faultline.safety.norm.ProbeKey;
import dev.faultline.safety.norm.WatchedProbes;
import dev.faultline.safety.plan.ApprovedPlan;
import dev.faultline.safety.plan.Plan;
import dev.faultline.safety.plan.PlanBook;
import dev.faultline.safety.plan.Probe;
import dev.faultline.safety.preflight.PreflightRecord;
import dev.faultline.safety.preflight.PreflightResults;
import dev.faultline.safety.preflight.ServiceClaims;
import dev.faultline.safety.staging.StagingVerdict;
import dev.faultline.safety.staging.VerdictBook;
import dev.faultline.safety.schedule.ScheduleBook;
import dev.faultline.safety.schedule.ScheduleWindow;
import dev.faultline.safety.schedule.ScheduledStart;
import dev.faultline.schemas.avro.ActorKind;
import dev.faultline.schemas.avro.CheckOutcome;
import dev.faultline.schemas.avro.ExperimentScheduled;
import dev.faultline.schemas.avro.PreflightCheckKind;
import dev.faultline.schemas.avro.ApprovalRecorded;
import dev.faultline.schemas.avro.ExperimentProposed;
import dev.faultline.schemas.avro.HypothesisDrafted;
import dev.faultline.schemas.avro.PlanApproved;
import dev.faultline.schemas.avro.PreflightBlocked;
import dev.faultline.schemas.avro.PreflightPassed;
import dev.faultline.schemas.avro.VerdictIssued;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/**
 * safety-service's tables as a projection of the proposals, hypotheses, safety and verdicts topics: plans and
 * proposers, approvals, preflight results, the verdicts issued (what STAGING_FIRST reads), the deferred experiments'
 * windows (open until cleared or blocked by their end), and the HTTP probes of approved plans whose history is kept.
 * Every write is an upsert keyed by what the event says (a watched probe keeps its latest approval, a schedule its
 * latest event), so the tables can be dropped and rebuilt from offset zero, in any interleaving of the topics, to the
 * same rows. A clearance read back also takes its service again while it could still be used ({@link
 * ServiceClaims#restore}): the claims are not a projection, and a dropped keyspace starts with none.
 */
public final class SafetyRecords {

    private final PlanBook plans;
    private final ApprovalStore approvals;
    private final PreflightResults results;
    private final VerdictBook verdicts;
    private final ScheduleBook schedules;
    private final WatchedProbes probes;
    private final ServiceClaims claims;

    /** @param claims the services held by clearances, taken again for a clearance read back (a rebuild) */
    public SafetyRecords(PlanBook plans, ApprovalStore approvals, PreflightResults results, VerdictBook verdicts,
                         ScheduleBook schedules, WatchedProbes probes, ServiceClaims claims) {
        this.probes = probes;
        this.claims = claims;
        this.verdicts = verdicts;
        this.schedules = schedules;
        this.plans = plans;
        this.approvals = approvals;
        this.results = results;
    }

    public void apply(SpecificRecord event) {
        if (event instanceof ExperimentProposed p) {
            plans.proposedBy(p.getHeader().getExperimentId(), p.getHeader().getActor().getId());
        } else if (event instanceof HypothesisDrafted d) {
            String experimentId = d.getHeader().getExperimentId();
            plans.saveDraft(experimentId, d.getRevision(), d.getHypothesis(), d.getHeader());
            if (d.getRevision() == 1 && d.getHeader().getActor().getKind() == ActorKind.PERSON) {
                plans.draftedFor(experimentId, d.getHeader().getActor().getId());
            }
        } else if (event instanceof PlanApproved a) {
            plans.approved(a.getHeader().getExperimentId(), a.getRevision());
            plans.approvedPlan(a.getHeader().getExperimentId()).ifPresent(approved -> {
                watch(approved.plan(), a.getHeader().getOccurredAt());
                // a rebuild may read the clearance before the approval of its plan
                results.clearedRevision(approved.plan().experimentId(), approved.plan().revision()).ifPresent(
                        cleared -> claims.restore(approved.plan(), cleared.checkedAt(), cleared.clearanceExpiresAt()));
            });
        } else if (event instanceof ApprovalRecorded r) {
            approvals.save(Approval.of(r));
        } else if (event instanceof ExperimentScheduled s && s.getDeferred()) {
            schedules.scheduled(new ScheduledStart(s.getHeader().getExperimentId(), s.getRevision(), s.getEnvironment(),
                    new ScheduleWindow(s.getWindowStart(), s.getWindowEnd()), false), s.getHeader().getOccurredAt());
        } else if (event instanceof PreflightPassed p) {
            PreflightRecord cleared = PreflightRecord.of(p);
            results.save(cleared, p);
            plans.approvedPlan(cleared.experimentId()).map(ApprovedPlan::plan)
                    .filter(plan -> plan.revision() == p.getRevision())
                    .ifPresent(plan -> claims.restore(plan, cleared.checkedAt(), cleared.clearanceExpiresAt()));
            schedules.settled(p.getHeader().getExperimentId(), p.getRevision(), p.getHeader().getOccurredAt());
        } else if (event instanceof PreflightBlocked b) {
            results.save(PreflightRecord.of(b), b);
            if (windowEnded(b)) {
                schedules.settled(b.getHeader().getExperimentId(), b.getRevision(), b.getHeader().getOccurredAt());
            }
        } else if (event instanceof VerdictIssued v) {
            verdicts.save(StagingVerdict.of(v));
        }
    }

    /** The block that ends a deferred experiment: its SCHEDULE_WINDOW check failed. */
    private static boolean windowEnded(PreflightBlocked b) {
        return b.getChecks().stream().anyMatch(c -> c.getKind() == PreflightCheckKind.SCHEDULE_WINDOW
                && c.getOutcome() == CheckOutcome.FAILED);
    }

    /** The plan's HTTP probes are sampled in the background from its approval on (their history). */
    private void watch(Plan plan, Instant approvedAt) {
        plan.probes().stream().filter(Probe::isHttp).forEach(probe -> probes.watch(
                new ProbeKey(plan.environment(), plan.service(), probe.probeId()), probe, approvedAt));
    }
}
