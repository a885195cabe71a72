package dev.faultline.injector.run;

import dev.faultline.injector.InjectorSettings;
import dev.faultline.injector.clearance.ClearanceCheck;
import dev.faultline.injector.clearance.PlanBook;
import dev.faultline.injector.fault.Fault;
import dev.faultline.injector.fault.FaultContext;
import dev.faultline.injector.fault.FaultKinds;
import dev.faultline.injector.fault.Lease;
import dev.faultline.injector.fault.TargetRoutes;
import dev.faultline.injector.fault.UnsupportedFaultException;
import dev.faultline.kit.clearance.ClearanceVerifier;
import dev.faultline.kit.clearance.Clearances;
import dev.faultline.kit.events.InvalidEventException;
import dev.faultline.schemas.avro.FaultSpec;
import dev.faultline.schemas.avro.Hypothesis;
import dev.faultline.schemas.avro.PreflightPassed;
import dev.faultline.schemas.avro.RefusalReason;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a PreflightPassed into a run, or refuses it with InjectionRefused and the reason (nothing injected), so that
 * the experiment ends ABORTED rather than staying cleared: the clearance must be fresh, its revision the approved
 * one, the fault one a {@link FaultKinds kind} can apply on the target's route. A clearance that is unsigned, has no
 * key id, names an unknown key, does not verify with its key, or has expired is not one safety-service vouches for
 * now: it is dead-lettered (InvalidEventException) and ends nothing. The fault is planned with the clearance, which a
 * host agent verifies again before applying anything. One run or refusal per clearance: a redelivered
 * PreflightPassed is ignored.
 */
@Singleton
public class RunLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(RunLauncher.class);
    private static final long POLL_MILLIS = 100;

    private final ClearanceCheck check;
    private final PlanBook plans;
    private final RunStore store;
    private final InjectionRunner runner;
    private final InjectorSettings settings;
    private final TargetRoutes routes;
    private final FaultKinds kinds;
    private final InjectionEvents events;
    private final Clock clock = Clock.systemUTC();

    public RunLauncher(ClearanceVerifier verifier, PlanBook plans, RunStore store, InjectionRunner runner, InjectorSettings settings,
                       TargetRoutes routes, FaultKinds kinds, InjectionEvents events) {
        this.check = new ClearanceCheck(verifier);
        this.plans = plans;
        this.store = store;
        this.runner = runner;
        this.settings = settings;
        this.routes = routes;
        this.kinds = kinds;
        this.events = events;
    }

    public void onPreflightPassed(PreflightPassed passed) {
        String experimentId = passed.getHeader().getExperimentId();
        UUID clearanceId = passed.getClearance().getClearanceId();
        if (store.claimedBy(clearanceId).isPresent()) {
            LOG.info("clearance {} of {} already ran or was refused; ignoring the redelivery", clearanceId, experimentId);
            return;
        }
        String forged = check.signatureRejection(passed, clock.instant());
        if (forged != null) {
            // not safety-service's clearance: dead-lettered, and no experiment is ended on the word of a forger
            throw new InvalidEventException("nothing injected: " + forged);
        }
        String stale = ClearanceCheck.staleness(passed, clock.instant(), settings.maxClearanceAge());
        if (stale != null) {
            refuse(Refusal.of(passed, null, RefusalReason.STALE_CLEARANCE, "nothing injected: " + stale
                    + "; propose or preflight again"));
            return;
        }
        awaitPlan(experimentId, passed.getRevision());
        Optional<Hypothesis> hypothesis = plans.revision(experimentId, passed.getRevision());
        String rejection = check.rejection(passed, plans.approvedRevision(experimentId), hypothesis, clock.instant());
        if (rejection != null) {
            refuse(Refusal.of(passed, hypothesis.orElse(null), RefusalReason.NOT_APPROVED, "nothing injected: " + rejection));
            return;
        }
        UUID injectionId = RunRequest.injectionIdOf(clearanceId);
        FaultSpec scenario = hypothesis.get().getScenario();
        if (scenario.getDurationMillis() <= 0) {
            refuse(Refusal.of(passed, hypothesis.get(), RefusalReason.INVALID_FAULT,
                    "nothing injected: the fault's duration must be positive, was " + scenario.getDurationMillis() + " ms"));
            return;
        }
        Fault fault;
        try {
            fault = kinds.plan(scenario, new FaultContext(
                    routes.routeOf(passed.getClearance().getEnvironment(), scenario.getTarget().getService()),
                    "fl-" + injectionId.toString().substring(0, 8),
                    new Lease(RunRequest.holderOf(injectionId), settings.timings().leaseTtl()),
                    Clearances.claimsOf(experimentId, passed.getClearance())));
        } catch (UnsupportedFaultException e) {
            refuse(Refusal.of(passed, hypothesis.get(), RefusalReason.UNSUPPORTED_FAULT, "nothing injected: " + e.getMessage()));
            return;
        }
        Optional<UUID> earlier = store.claim(clearanceId, injectionId, experimentId);
        if (earlier.isPresent()) {
            LOG.info("clearance {} already claimed by injection {}", clearanceId, earlier.get());
            return;
        }
        runner.launch(new RunRequest(experimentId, passed.getRevision(), injectionId, clearanceId,
                passed.getClearance().getEnvironment(), hypothesis.get(), fault, passed.getHeader()));
    }

    /**
     * Says on faultline.injections that the clearance will not run, then claims it so that a redelivery says nothing
     * more (published first: a crash in between repeats the refusal, which analysis judges once, rather than lose it).
     */
    private void refuse(Refusal refusal) {
        events.refused(refusal);
        store.claim(refusal.clearanceId(), refusal.injectionId(), refusal.experimentId());
        LOG.warn("clearance {} of {} refused ({}): {}", refusal.clearanceId(), refusal.experimentId(), refusal.reason(),
                refusal.detail());
    }

    /** PlanApproved arrives on another topic than PreflightPassed, so it may be read a little later: wait for it. */
    private void awaitPlan(String experimentId, int revision) {
        Instant until = clock.instant().plus(settings.planWait());
        while (clock.instant().isBefore(until)) {
            OptionalInt approved = plans.approvedRevision(experimentId);
            if (approved.isPresent() && approved.getAsInt() >= revision && plans.revision(experimentId, revision).isPresent()) {
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
